import { DomainError, MAX_REGISTER_NUMBER, type ValidationIssue } from '@ttkt/contracts';
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
 * the caller answers with this. After a void the request holds nothing and may take a new number;
 * after a revocation it still holds its number (its document was issued under it), so a
 * redelivered request takes no second one.
 */
export function numberOfRequest(state: RegisterState, requestId: string): Assignment | undefined {
  for (const entry of state.numbers.values()) {
    if (entry.status !== 'voided' && entry.assignment.requestId === requestId) {
      return entry.assignment;
    }
  }
  return undefined;
}

/** The calendar years a register can hold: those its published events may carry. */
export const REGISTER_YEARS = { min: 1900, max: 2999 } as const;

/** True when `year` is a year a register can hold (its events' contracts accept it). */
export function isRegisterYear(year: number): boolean {
  return Number.isInteger(year) && year >= REGISTER_YEARS.min && year <= REGISTER_YEARS.max;
}

/**
 * A number is handed out once: a requested one must never have been used (a voided number counts
 * as used), the next one follows the highest ever used, and each year starts at 1. No number
 * above {@link MAX_REGISTER_NUMBER}, requested or next, is ever given: it is refused instead.
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
  if (number > MAX_REGISTER_NUMBER) {
    // Only the next number can get here (a requested one was refused above): the year is full.
    throw new DomainError('validation-failed', { max: MAX_REGISTER_NUMBER }, [
      { path: 'number', message: 'max' },
    ]);
  }
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
  } else if (command.year < REGISTER_YEARS.min) {
    issues.push({ path: 'issuedOn', message: 'minDate' });
  } else if (command.year > REGISTER_YEARS.max) {
    issues.push({ path: 'issuedOn', message: 'maxDate' });
  }
  const requested = command.requestedNumber;
  if (requested !== undefined && !Number.isInteger(requested)) {
    issues.push({ path: 'requestedNumber', message: 'isInt' });
  } else if (requested !== undefined && requested < 1) {
    issues.push({ path: 'requestedNumber', message: 'min' });
  } else if (requested !== undefined && requested > MAX_REGISTER_NUMBER) {
    issues.push({ path: 'requestedNumber', message: 'max' });
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
 * So is a request for a year no register holds (before 1900, after 2999): an answer would carry
 * that year, which the answers' contracts refuse, so it is dead-lettered with its reason instead
 * (the campaign refuses such dates before it asks).
 */
export function decideNumberRequest(command: AssignNumber, state: RegisterState): RegisterEvent[] {
  if (!isRegisterYear(command.year)) {
    throw new DomainError('validation-failed', {}, [
      { path: 'issuedOn', message: command.year < REGISTER_YEARS.min ? 'minDate' : 'maxDate' },
    ]);
  }
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
