import { DomainError, type NamePeriod } from '@ttkt/contracts';
import { dayBefore } from './calendar';

/** Names of a tenant or an agency over time (oldest first; only the last one is open). Pure. */

/** The name in force on `day`; before the first name, the first; after the last, the last. */
export function nameOn(names: readonly NamePeriod[], day: string): string {
  const inForce = names.find(
    (period) =>
      (period.from === null || period.from <= day) &&
      (period.until === null || period.until >= day),
  );
  if (inForce) return inForce.name;
  const first = names[0];
  if (first && first.from !== null && day < first.from) return first.name;
  return names[names.length - 1]?.name ?? '';
}

/**
 * The names after a rename from `effectiveFrom`: the current name ends the day before. The new
 * name must start after the current one started (`validation-failed` at `effectiveFrom`, `minDate`).
 */
export function renamed(
  names: readonly NamePeriod[],
  name: string,
  effectiveFrom: string,
): NamePeriod[] {
  const current = names[names.length - 1];
  if (current && current.from !== null && effectiveFrom <= current.from) {
    throw new DomainError('validation-failed', { from: current.from }, [
      { path: 'effectiveFrom', message: 'minDate' },
    ]);
  }
  const closed = names.map((period, index) =>
    index === names.length - 1 ? { ...period, until: dayBefore(effectiveFrom) } : period,
  );
  return [...closed, { name, from: effectiveFrom, until: null }];
}
