import { DomainError, type ValidationIssue } from '@ttkt/contracts';
import { normalizeText } from '../../vietnamese-name';
import type { AgencyEvent } from '../agency.events';
import type { AgencyState } from '../agency.state';

/** Register an agency in a tenant. */
export interface RegisterAgency {
  tenantId: string;
  agencyId: string;
  code: string;
  name: string;
  parentAgencyId?: string;
  validFrom?: string;
  validUntil?: string;
  predecessorAgencyId?: string;
}

/** The predecessor as the read table knows it. */
export interface PredecessorFacts {
  /** Its last day, or null while it exists. */
  validUntil: string | null;
  /** The agency that already succeeds it, or null. */
  successorAgencyId: string | null;
}

/** What the read tables know about the agencies the command refers to. */
export interface RegisterAgencyFacts {
  tenantKnown: boolean;
  parentKnown: boolean;
  /** The predecessor named by the command, or null when it names none or an unknown one. */
  predecessor: PredecessorFacts | null;
}

/**
 * An agency is registered once, in a registered tenant; its parent and predecessor are agencies
 * of the same tenant (`unknownAgency`); it cannot end before it starts (`minDate`). A predecessor
 * must have ended before its successor begins (`predecessorStillValid`), and has at most one
 * successor (`invalid-state`, `alreadyTaken`; the read table's unique index holds the rule
 * against concurrent commands).
 */
export function decideRegisterAgency(
  command: RegisterAgency,
  state: AgencyState,
  facts: RegisterAgencyFacts,
): AgencyEvent[] {
  if (state.status !== 'none') {
    throw new DomainError('invalid-state', { agencyId: command.agencyId, status: state.status });
  }
  if (!facts.tenantKnown) throw new DomainError('not-found', { tenantId: command.tenantId });
  const code = normalizeText(command.code);
  const name = normalizeText(command.name);
  const errors: ValidationIssue[] = [];
  if (code === '') errors.push({ path: 'code', message: 'isNotEmpty' });
  if (name === '') errors.push({ path: 'name', message: 'isNotEmpty' });
  const refersToItself = (id: string | undefined): boolean => id === command.agencyId;
  if (
    command.parentAgencyId !== undefined &&
    (!facts.parentKnown || refersToItself(command.parentAgencyId))
  ) {
    errors.push({ path: 'parentAgencyId', message: 'unknownAgency' });
  }
  const { predecessor } = facts;
  if (command.predecessorAgencyId !== undefined) {
    if (predecessor === null || refersToItself(command.predecessorAgencyId)) {
      errors.push({ path: 'predecessorAgencyId', message: 'unknownAgency' });
    } else if (!endsBefore(predecessor.validUntil, command.validFrom)) {
      errors.push({ path: 'predecessorAgencyId', message: 'predecessorStillValid' });
    }
  }
  if (command.validFrom && command.validUntil && command.validUntil < command.validFrom) {
    errors.push({ path: 'validUntil', message: 'minDate' });
  }
  if (errors.length > 0) throw new DomainError('validation-failed', {}, errors);
  if (command.predecessorAgencyId !== undefined && predecessor?.successorAgencyId) {
    throw new DomainError(
      'invalid-state',
      { reason: 'already-taken', field: 'predecessorAgencyId' },
      [{ path: 'predecessorAgencyId', message: 'alreadyTaken' }],
    );
  }
  return [
    {
      type: 'AgencyRegistered',
      data: {
        agencyId: command.agencyId,
        tenantId: command.tenantId,
        code,
        name,
        parentAgencyId: command.parentAgencyId ?? null,
        validFrom: command.validFrom ?? null,
        validUntil: command.validUntil ?? null,
        predecessorAgencyId: command.predecessorAgencyId ?? null,
      },
    },
  ];
}

/** True when a predecessor's last day lies before its successor's first (both known). */
function endsBefore(validUntil: string | null, successorFrom: string | undefined): boolean {
  return validUntil !== null && successorFrom !== undefined && validUntil < successorFrom;
}
