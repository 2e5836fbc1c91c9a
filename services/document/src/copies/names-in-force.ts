/** A name from a day on (`validFrom` `YYYY-MM-DD`, or `''` for since always). */
export interface NameFrom {
  validFrom: string;
  name: string;
}

/**
 * The name in force on `day`: the one that started last on or before it; before the first name
 * starts, the first (a document dated before its agency's first recorded name still needs one).
 * Null when there is no name at all. Pure.
 */
export function nameInForce(names: readonly NameFrom[], day: string): string | null {
  const ordered = [...names].sort((a, b) =>
    a.validFrom < b.validFrom ? -1 : a.validFrom > b.validFrom ? 1 : 0,
  );
  let inForce = ordered[0]?.name ?? null;
  for (const entry of ordered) {
    if (entry.validFrom <= day) inForce = entry.name;
  }
  return inForce;
}
