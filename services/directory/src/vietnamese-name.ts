/** Vietnamese names: normal form, given name, accent-folded search, collation. Pure. */

/** NFC, trimmed, inner runs of white space as one space. */
export function normalizeText(value: string): string {
  return value.normalize('NFC').trim().replace(/\s+/g, ' ');
}

/** The given name (tên): the last word of a full name. */
export function givenNameOf(fullName: string): string {
  const words = normalizeText(fullName).split(' ');
  return words[words.length - 1] ?? '';
}

/** Accents and case folded: NFD, combining marks stripped, đ → d, lower case. */
export function foldAccents(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .trim()
    .replace(/\s+/g, ' ');
}

const collator = new Intl.Collator('vi');

/**
 * Orders people as Vietnamese lists do: by given name, then middle names, then family name (each
 * with the Vietnamese collator), then the whole name.
 */
export function comparePeopleNames(a: string, b: string): number {
  const [aFamily, aMiddle, aGiven] = nameParts(a);
  const [bFamily, bMiddle, bGiven] = nameParts(b);
  return (
    collator.compare(aGiven, bGiven) ||
    collator.compare(aMiddle, bMiddle) ||
    collator.compare(aFamily, bFamily) ||
    collator.compare(a, b)
  );
}

function nameParts(fullName: string): [family: string, middle: string, given: string] {
  const words = normalizeText(fullName).split(' ');
  if (words.length === 1) return ['', '', words[0] ?? ''];
  return [words[0] ?? '', words.slice(1, -1).join(' '), words[words.length - 1] ?? ''];
}
