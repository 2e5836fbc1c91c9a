import { DomainError } from '@ttkt/contracts';
import { isCalendarDate } from '../../council/calendar';
import type { CouncilActor } from '../../council/council.events';
import { councilInForceOn, thresholdFor, type CouncilConfig } from '../../council/council.state';
import type { AgendaDossier, AgendaForm, SessionEvent } from '../session.events';
import type { SessionState } from '../session.state';

/** The campaign as the session needs it (from review's copy). */
export interface SessionCampaign {
  campaignId: string;
  agencyId: string;
  status: 'issued' | 'closed';
  awardForms: { code: string; name: string; quota: number }[];
}

/** Open a council session for a campaign. */
export interface OpenSession {
  type: 'OpenSession';
  sessionId: string;
  campaignId: string;
  heldOn: string;
  presentUserIds: string[];
  awardFormCodes: string[];
  /** The campaign from the copy; null when it has not arrived. */
  campaign: SessionCampaign | null;
  /** Every configuration of the campaign agency's council. */
  councils: readonly CouncilConfig[];
  /** The accepted dossiers of each form now, by award form code. */
  accepted: Readonly<Record<string, readonly AgendaDossier[]>>;
  actor: CouncilActor | null;
  now: Date;
}

/**
 * Opens a session: the campaign must be known and not closed (`campaign-not-open`); the council in
 * force on `heldOn` (the greatest `effectiveFrom` not after it) must exist (`invalid-state`,
 * `reason: 'no-council'`); each form must be in the plan (`unknown-award-form`) and have a
 * threshold, its own or the default (`validation-failed` at `awardFormCodes[i]`), and accepted
 * dossiers to vote on (`invalid-state`, `reason: 'no-dossiers'`, with the `awardFormCode`: a form
 * with an empty agenda would close with nothing voted and no tie); everyone present must be a
 * member (`not-a-council-member`). The agenda is each form's accepted dossiers now. Opening the same session again with the same request records nothing; another request
 * under an existing session id is `invalid-state`.
 */
export function decideOpenSession(command: OpenSession, state: SessionState): SessionEvent[] {
  if (!isCalendarDate(command.heldOn)) {
    throw new DomainError('validation-failed', {}, [{ path: 'heldOn', message: 'isDateString' }]);
  }
  if (state.status !== 'none') {
    const same =
      state.campaignId === command.campaignId &&
      state.heldOn === command.heldOn &&
      sameList(state.presentUserIds, command.presentUserIds) &&
      sameList(
        state.agenda.map((form) => form.awardFormCode),
        command.awardFormCodes,
      );
    if (same) return [];
    throw new DomainError('invalid-state', { sessionId: command.sessionId, status: state.status });
  }
  const campaign = command.campaign;
  if (!campaign || campaign.status !== 'issued') {
    throw new DomainError('campaign-not-open', { campaignId: command.campaignId });
  }
  const council = councilInForceOn(command.councils, command.heldOn);
  if (!council) {
    throw new DomainError('invalid-state', {
      reason: 'no-council',
      agencyId: campaign.agencyId,
      heldOn: command.heldOn,
    });
  }
  const agenda: AgendaForm[] = command.awardFormCodes.map((code, index) => {
    const form = campaign.awardForms.find((candidate) => candidate.code === code);
    if (!form) throw new DomainError('unknown-award-form', { awardFormCode: code });
    const threshold = thresholdFor(council.rules, code);
    if (!threshold) {
      throw new DomainError('validation-failed', { awardFormCode: code }, [
        { path: `awardFormCodes[${index}]`, message: 'noThreshold' },
      ]);
    }
    const accepted = command.accepted[code] ?? [];
    if (accepted.length === 0) {
      throw new DomainError('invalid-state', { reason: 'no-dossiers', awardFormCode: code });
    }
    return {
      awardFormCode: code,
      awardFormName: form.name,
      quota: form.quota,
      threshold: { fraction: threshold.fraction, of: threshold.of },
      secretBallot: threshold.secretBallot,
      dossiers: accepted.map((dossier) => ({
        nominationId: dossier.nominationId,
        nominee: dossier.nominee,
        nominatingUnitId: dossier.nominatingUnitId,
      })),
    };
  });
  const members = new Set(council.memberUserIds);
  const stranger = command.presentUserIds.find((userId) => !members.has(userId));
  if (stranger !== undefined) throw new DomainError('not-a-council-member', { userId: stranger });
  return [
    {
      type: 'SessionOpened',
      data: {
        sessionId: command.sessionId,
        campaignId: campaign.campaignId,
        agencyId: campaign.agencyId,
        heldOn: command.heldOn,
        council: {
          chairUserId: council.chairUserId,
          secretaryUserId: council.secretaryUserId,
          memberUserIds: [...council.memberUserIds],
          rules: council.rules,
        },
        presentUserIds: [...command.presentUserIds],
        agenda,
        at: command.now.toISOString(),
        by: command.actor,
      },
    },
  ];
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}
