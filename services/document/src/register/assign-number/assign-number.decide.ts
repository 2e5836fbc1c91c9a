import { DomainError, type ValidationIssue } from '@ttkt/contracts';
import { formatRegisterNumber, registerSymbol } from '../format-register-number';
import type { RegisterDocumentKind, RegisterEvent, RegisterRequester } from '../register.events';
import type { Assignment, RegisterState } from '../register.state';

/**
 * Take a number from an agency's register for a document about to be issued (the first step of
 * the numbered-issuance saga). `requestedNumber` records a number already given on paper; without
 * it the register gives the next one. `now` comes from the injected clock.
 */
export interface AssignNumber {
  type: 'AssignNumber';
  agencyId: string;
  year: number;
  documentKind: RegisterDocumentKind;
  agencyCode: string;
  /** The requester's own id, so a retried or redelivered request does not take a second number. */
  requestId: string;
  requestedBy: RegisterRequester;
  /** YYYY-MM-DD; a register number belongs to the year of its document's issue date. */
  issuedOn: string;
  requestedNumber?: number;
  now: Date;
}

/**
 * The number a request holds, if it holds one that is not voided. A retry decides no event, so
 * the caller answers with this. After a void the request holds nothing and may take a new number.
 */
export function numberOfRequest(state: RegisterState, requestId: string): Assignment | undefined {
  for (const entry of state.numbers.values()) {
    if (entry.status === 'assigned' && entry.assignment.requestId === requestId) {
      return entry.assignment;
    }
  }
  return undefined;
}

/**
 * A number is handed out once: a requested one must never have been used (a voided number counts
 * as used), the next one follows the highest ever used, and each year starts at 1.
 */
export function decideAssignNumber(command: AssignNumber, state: RegisterState): RegisterEvent[] {
  if (
    (state.agencyId !== null && state.agencyId !== command.agencyId) ||
    (state.year !== null && state.year !== command.year)
  ) {
    throw new DomainError('invalid-state', { agencyId: command.agencyId, year: command.year });
  }
  const agencyCode = command.agencyCode.normalize('NFC').trim();
  const issues = validate(command, agencyCode);
  if (issues.length > 0) throw new DomainError('validation-failed', {}, issues);

  if (numberOfRequest(state, command.requestId) !== undefined) return [];

  const number = command.requestedNumber ?? state.highestNumber + 1;
  if (state.numbers.has(number)) throw new DomainError('register-number-taken', { number });
  return [
    {
      type: 'NumberAssigned',
      data: {
        agencyId: command.agencyId,
        year: command.year,
        number,
        symbol: registerSymbol(command.documentKind, agencyCode),
        formatted: formatRegisterNumber(number, command.documentKind, agencyCode),
        documentKind: command.documentKind,
        agencyCode,
        requestId: command.requestId,
        requestedBy: command.requestedBy,
        issuedOn: command.issuedOn,
        assignedAt: command.now.toISOString(),
      },
    },
  ];
}

function validate(command: AssignNumber, agencyCode: string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (!isCalendarDate(command.issuedOn)) {
    issues.push({ path: 'issuedOn', message: 'isDateString' });
  } else if (Number(command.issuedOn.slice(0, 4)) !== command.year) {
    issues.push({ path: 'issuedOn', message: 'notInRegisterYear' });
  }
  const requested = command.requestedNumber;
  if (requested !== undefined && !Number.isSafeInteger(requested)) {
    issues.push({ path: 'requestedNumber', message: 'isInt' });
  } else if (requested !== undefined && requested < 1) {
    issues.push({ path: 'requestedNumber', message: 'min' });
  }
  if (agencyCode.length === 0) issues.push({ path: 'agencyCode', message: 'isNotEmpty' });
  return issues;
}

function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * A request from another service (the campaign's issuance saga) must always get an answer, so a
 * refusal is recorded as `NumberRefused` (the relay publishes it) instead of thrown: a requested
 * number already used (`register-number-taken`) or a malformed request (`validation-failed`). A
 * request that already holds a number records nothing: its number was announced when assigned.
 * `invalid-state` (the stream holds another register) is still thrown: it is a bug, not an answer.
 */
export function decideNumberRequest(command: AssignNumber, state: RegisterState): RegisterEvent[] {
  try {
    return decideAssignNumber(command, state);
  } catch (error) {
    if (
      !(error instanceof DomainError) ||
      (error.code !== 'register-number-taken' && error.code !== 'validation-failed')
    ) {
      throw error;
    }
    return [
      {
        type: 'NumberRefused',
        data: {
          agencyId: command.agencyId,
          year: command.year,
          requestId: command.requestId,
          requestedBy: command.requestedBy,
          documentKind: command.documentKind,
          requestedNumber: command.requestedNumber ?? null,
          code: error.code,
          params: error.params,
          errors: error.errors,
          refusedAt: command.now.toISOString(),
        },
      },
    ];
  }
}
