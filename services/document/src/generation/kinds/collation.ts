/**
 * Vietnamese collation of names. The directory orders people by given name, then middle names,
 * then family name (`services/directory/src/vietnamese-name.ts`), but a service may not import
 * another's code and no shared library holds text logic, so the same small rule lives here.
 */

const collator = new Intl.Collator('vi');

/** NFC, trimmed, inner runs of white space as one space. */
export function normalizeText(value: string): string {
  return value.normalize('NFC').trim().replace(/\s+/g, ' ');
}

/** Compares two texts with the Vietnamese collator (a < ă < â, d < đ, …). */
export function compareVietnamese(a: string, b: string): number {
  return collator.compare(normalizeText(a), normalizeText(b));
}

/** Family, middle and given names of a full name written family name first. */
export function nameParts(fullName: string): { family: string; middle: string; given: string } {
  const words = normalizeText(fullName).split(' ');
  if (words.length === 1) return { family: '', middle: '', given: words[0] ?? '' };
  return {
    family: words[0] ?? '',
    middle: words.slice(1, -1).join(' '),
    given: words[words.length - 1] ?? '',
  };
}

/**
 * Orders people as Vietnamese lists do: by given name, then middle names, then family name (each
 * with the Vietnamese collator), then the whole name.
 */
export function comparePeopleNames(a: string, b: string): number {
  const x = nameParts(a);
  const y = nameParts(b);
  return (
    collator.compare(x.given, y.given) ||
    collator.compare(x.middle, y.middle) ||
    collator.compare(x.family, y.family) ||
    collator.compare(normalizeText(a), normalizeText(b))
  );
}
