/** Whitespace (line breaks included) collapsed to single spaces, trimmed, NFC. */
export function collapse(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * Asserts that `needles` occur in `haystack` in order, each after the end of the one before.
 * Both sides are compared {@link collapse}d. On failure names the needle and shows the text
 * where the search stood.
 */
export function expectInOrder(haystack: string, needles: readonly string[]): void {
  const text = collapse(haystack);
  let from = 0;
  needles.forEach((raw, i) => {
    const needle = collapse(raw);
    const at = text.indexOf(needle, from);
    if (at < 0) {
      const anywhere = text.indexOf(needle);
      const where =
        anywhere >= 0
          ? `it occurs earlier, at ${anywhere}, before the previous needle's end (${from})`
          : 'it does not occur at all';
      const start = Math.max(0, from - 80);
      throw new Error(
        `Needle ${i + 1}/${needles.length} not found after position ${from} (${where}):\n` +
          `  ${JSON.stringify(needle)}\n` +
          `Text from ${start}:\n  ${JSON.stringify(text.slice(start, from + 400))}`,
      );
    }
    from = at + needle.length;
  });
}
