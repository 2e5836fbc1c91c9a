import { DomainError, type PersonFields, type ValidationIssue } from '@ttkt/contracts';
import { isCalendarDate } from '../calendar';
import { normalizeText } from '../vietnamese-name';

/**
 * The rules every person's fields follow, on registration and on change: names and positions
 * NFC and not blank, a real date of birth not after today, a unit of the person's agency. Pure;
 * returns the fields normalised, or throws `validation-failed` with every failing path.
 */
export function checkPersonFields<T extends Partial<PersonFields>>(
  fields: T,
  rules: { today: string; agencyId: string; unitAgencyId: string | null; pathPrefix?: string },
): T {
  const prefix = rules.pathPrefix ?? '';
  const errors: ValidationIssue[] = [];
  const normalised: T = { ...fields };
  if (fields.fullName !== undefined) {
    normalised.fullName = normalizeText(fields.fullName);
    if (normalised.fullName === '')
      errors.push({ path: `${prefix}fullName`, message: 'isNotEmpty' });
  }
  if (fields.position !== undefined) {
    normalised.position = normalizeText(fields.position);
    if (normalised.position === '')
      errors.push({ path: `${prefix}position`, message: 'isNotEmpty' });
  }
  if (fields.dateOfBirth !== undefined) {
    if (!isCalendarDate(fields.dateOfBirth)) {
      errors.push({ path: `${prefix}dateOfBirth`, message: 'isDateString' });
    } else if (fields.dateOfBirth > rules.today) {
      errors.push({ path: `${prefix}dateOfBirth`, message: 'maxDate' });
    }
  }
  if (fields.gender !== undefined && fields.gender !== 'male' && fields.gender !== 'female') {
    errors.push({ path: `${prefix}gender`, message: 'isIn' });
  }
  if (fields.unitId !== undefined && rules.unitAgencyId !== rules.agencyId) {
    errors.push({ path: `${prefix}unitId`, message: 'unknownUnit' });
  }
  if (errors.length > 0) throw new DomainError('validation-failed', {}, errors);
  return normalised;
}
