import { DomainError, type ValidationIssue } from '@ttkt/contracts';
import { normalizeText } from '../../vietnamese-name';
import type { UnitEvent } from '../unit.events';
import type { UnitState } from '../unit.state';

/** Create a unit in an agency. */
export interface CreateUnit {
  agencyId: string;
  unitId: string;
  code: string;
  name: string;
  isSecretariat?: boolean;
  parentUnitId?: string;
}

/** What the read tables know: the agency, and the agency of the parent unit (null: no such unit). */
export interface CreateUnitFacts {
  agencyKnown: boolean;
  parentUnitAgencyId: string | null;
}

/**
 * A unit is created once, in a known agency (`not-found`); its parent is a unit of the same
 * agency (`unknownUnit`). The code's uniqueness in the agency is the read table's.
 */
export function decideCreateUnit(
  command: CreateUnit,
  state: UnitState,
  facts: CreateUnitFacts,
): UnitEvent[] {
  if (state.status !== 'none') {
    throw new DomainError('invalid-state', { unitId: command.unitId, status: state.status });
  }
  if (!facts.agencyKnown) throw new DomainError('not-found', { agencyId: command.agencyId });
  const code = normalizeText(command.code);
  const name = normalizeText(command.name);
  const errors: ValidationIssue[] = [];
  if (code === '') errors.push({ path: 'code', message: 'isNotEmpty' });
  if (name === '') errors.push({ path: 'name', message: 'isNotEmpty' });
  if (command.parentUnitId !== undefined && facts.parentUnitAgencyId !== command.agencyId) {
    errors.push({ path: 'parentUnitId', message: 'unknownUnit' });
  }
  if (errors.length > 0) throw new DomainError('validation-failed', {}, errors);
  return [
    {
      type: 'UnitCreated',
      data: {
        unitId: command.unitId,
        agencyId: command.agencyId,
        code,
        name,
        isSecretariat: command.isSecretariat ?? false,
        parentUnitId: command.parentUnitId ?? null,
      },
    },
  ];
}
