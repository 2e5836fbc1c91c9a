import { DomainError } from '@ttkt/contracts';
import type { DossierActor, DossierEvent } from '../dossier.events';
import type { DossierState } from '../dossier.state';

/** The secretariat returns a submitted dossier to its unit for supplement. */
export interface ReturnDossier {
  type: 'ReturnDossier';
  nominationId: string;
  reasons: string[];
  /** A later resubmission deadline (`YYYY-MM-DD`, exclusive, local), or null. */
  resubmitBefore: string | null;
  actor: DossierActor | null;
  now: Date;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const HOURS_7 = 7 * 60 * 60 * 1000;

/** True for a real calendar date written `YYYY-MM-DD`. */
function isCalendarDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/** The local calendar date (Asia/Ho_Chi_Minh, UTC+7, no DST) of an instant. */
export function localDateOf(instant: Date): string {
  return new Date(instant.getTime() + HOURS_7).toISOString().slice(0, 10);
}

/** 00:00 Asia/Ho_Chi_Minh of a local date, as an ISO-8601 instant in UTC. */
export function localMidnightInstant(date: string): string {
  return new Date(`${date}T00:00:00+07:00`).toISOString();
}

/**
 * Only a `submitted` dossier (`not-found` when unknown, else `invalid-state`). The reasons are
 * kept in NFC, trimmed; an empty one is `validation-failed` at `reasons[i]`. A resubmission
 * deadline must be a real date after today (Asia/Ho_Chi_Minh) — `validation-failed` at
 * `resubmitBefore` otherwise — and is recorded as that day's 00:00 local time.
 */
export function decideReturn(command: ReturnDossier, state: DossierState): DossierEvent[] {
  if (state.status === 'none') {
    throw new DomainError('not-found', { nominationId: command.nominationId });
  }
  const reasons = command.reasons.map((reason) => reason.normalize('NFC').trim());
  const empty = reasons.flatMap((reason, index) =>
    reason === '' ? [{ path: `reasons[${index}]`, message: 'isNotEmpty' }] : [],
  );
  if (reasons.length === 0) empty.push({ path: 'reasons', message: 'arrayMinSize' });
  if (empty.length > 0) throw new DomainError('validation-failed', {}, empty);
  let resubmitBefore: string | null = null;
  if (command.resubmitBefore !== null) {
    if (!isCalendarDate(command.resubmitBefore)) {
      throw new DomainError('validation-failed', {}, [
        { path: 'resubmitBefore', message: 'isDate' },
      ]);
    }
    if (command.resubmitBefore <= localDateOf(command.now)) {
      throw new DomainError('validation-failed', { resubmitBefore: command.resubmitBefore }, [
        { path: 'resubmitBefore', message: 'mustBeAfterToday' },
      ]);
    }
    resubmitBefore = localMidnightInstant(command.resubmitBefore);
  }
  if (state.status !== 'submitted') {
    throw new DomainError('invalid-state', {
      nominationId: state.nominationId,
      status: state.status,
    });
  }
  return [
    {
      type: 'DossierReturned',
      data: {
        nominationId: state.nominationId,
        campaignId: state.campaignId,
        at: command.now.toISOString(),
        by: command.actor,
        reasons,
        resubmitBefore,
      },
    },
  ];
}
