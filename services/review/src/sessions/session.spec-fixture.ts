/*
 * Shared givens of the session decider specs (pure; imported by `*.spec.ts` only): the council of
 * Sở KH&CN Bắc Kạn (five members), its rules (Giấy khen by open ballot, half of those present;
 * Bằng khen by secret ballot, two thirds of all members), plan 27/KH-SKHCN's forms and a session's
 * stored events.
 */
import type { NomineeSnapshot } from '@ttkt/contracts';
import type { CouncilActor, CouncilRules } from '../council/council.events';
import type { CouncilConfig } from '../council/council.state';
import type { SessionCampaign } from './open-session/open-session.decide';
import type { AgendaDossier, AgendaForm, SessionEvent } from './session.events';
import { foldSession, type CouncilSession, type SessionState } from './session.state';

export const SESSION_ID = '9b2e6c1a-4f3d-4e8b-a7c5-1d0f2e3b4c5d';
export const CAMPAIGN_ID = '6f1d2a4e-7c55-4f61-9a43-0d5f0c6b9e11';
export const AGENCY_ID = 'skhcn-bac-kan';
/** Giấy khen của Giám đốc Sở: open ballot, 1/2 of those present, quota 2. */
export const OPEN_FORM = 'GIAY_KHEN_GD_SO';
/** Bằng khen của Chủ tịch UBND tỉnh: secret ballot, 2/3 of all members, quota 1. */
export const SECRET_FORM = 'BANG_KHEN_CT_UBND';

export const CHAIR = 'u-giam-doc';
export const SECRETARY = 'u-chanh-van-phong';
export const MEMBERS = [CHAIR, SECRETARY, 'u-pho-giam-doc', 'u-truong-phong-qlkh', 'u-cong-doan'];
export const [, , M3, M4, M5] = MEMBERS as [string, string, string, string, string];
export const STRANGER = 'u-chuyen-vien';

export const SECRETARIAT: CouncilActor = { kind: 'user', id: SECRETARY };

export function user(id: string): CouncilActor {
  return { kind: 'user', id };
}

export function rules(overrides: Partial<CouncilRules> = {}): CouncilRules {
  return {
    quorum: '2/3',
    minAttendance: null,
    allowWrittenVotes: true,
    thresholds: [
      { awardFormCode: OPEN_FORM, fraction: '1/2', of: 'present', secretBallot: false },
      { awardFormCode: SECRET_FORM, fraction: '2/3', of: 'all-members', secretBallot: true },
    ],
    source: 'Quy chế hoạt động của Hội đồng TĐKT Sở, Điều 6',
    effectiveFrom: '2021-01-01',
    ...overrides,
  };
}

export function council(overrides: Partial<CouncilConfig> = {}): CouncilConfig {
  return {
    chairUserId: CHAIR,
    secretaryUserId: SECRETARY,
    memberUserIds: [...MEMBERS],
    rules: rules(),
    configuredAt: '2021-01-02T02:00:00.000Z',
    configuredBy: user('u-quan-tri'),
    ...overrides,
  };
}

export function campaign(overrides: Partial<SessionCampaign> = {}): SessionCampaign {
  return {
    campaignId: CAMPAIGN_ID,
    agencyId: AGENCY_ID,
    status: 'issued',
    awardForms: [
      { code: OPEN_FORM, name: 'Giấy khen của Giám đốc Sở', quota: 2 },
      { code: SECRET_FORM, name: 'Bằng khen của Chủ tịch UBND tỉnh', quota: 1 },
      { code: 'CHIEN_SI_THI_DUA', name: 'Chiến sĩ thi đua cơ sở', quota: 3 },
    ],
    ...overrides,
  };
}

export function nominee(fullName: string): NomineeSnapshot {
  return {
    kind: 'individual',
    fullName,
    dateOfBirth: '1985-03-14',
    gender: 'female',
    position: 'Chuyên viên',
    unitId: 'u-qlkh',
    unitName: 'Phòng Quản lý khoa học',
  };
}

export function dossier(nominationId: string): AgendaDossier {
  return { nominationId, nominee: nominee(nominationId), nominatingUnitId: 'u-qlkh' };
}

export function agendaForm(
  code: string,
  nominationIds: string[],
  overrides: Partial<AgendaForm> = {},
): AgendaForm {
  const secret = code === SECRET_FORM;
  return {
    awardFormCode: code,
    awardFormName: code,
    quota: secret ? 1 : 2,
    threshold: secret ? { fraction: '2/3', of: 'all-members' } : { fraction: '1/2', of: 'present' },
    secretBallot: secret,
    dossiers: nominationIds.map(dossier),
    ...overrides,
  };
}

/** The session's opening: five members, `present` of them present, both forms on the agenda. */
export function opened(
  options: { present?: string[]; agenda?: AgendaForm[]; rules?: CouncilRules } = {},
): SessionEvent {
  return {
    type: 'SessionOpened',
    data: {
      sessionId: SESSION_ID,
      campaignId: CAMPAIGN_ID,
      agencyId: AGENCY_ID,
      heldOn: '2021-05-20',
      council: {
        chairUserId: CHAIR,
        secretaryUserId: SECRETARY,
        memberUserIds: [...MEMBERS],
        rules: options.rules ?? rules(),
      },
      presentUserIds: options.present ?? MEMBERS.slice(0, 4),
      agenda: options.agenda ?? [
        agendaForm(OPEN_FORM, ['n-lan', 'n-minh', 'n-hoa']),
        agendaForm(SECRET_FORM, ['n-tuan', 'n-binh']),
      ],
      at: '2021-05-20T01:30:00.000Z',
      by: SECRETARIAT,
    },
  };
}

export function vote(voter: string, nominationId: string, approve: boolean): SessionEvent {
  return {
    type: 'VoteCast',
    data: {
      sessionId: SESSION_ID,
      voterUserId: voter,
      nominationId,
      approve,
      at: '2021-05-20T02:00:00.000Z',
      by: user(voter),
    },
  };
}

export function ballot(voter: string, nominationId: string): SessionEvent {
  return {
    type: 'BallotCast',
    data: {
      sessionId: SESSION_ID,
      voterUserId: voter,
      nominationId,
      at: '2021-05-20T02:00:00.000Z',
      by: user(voter),
    },
  };
}

/** The state after `events`. */
export function given(events: SessionEvent[]): SessionState {
  return foldSession(events);
}

/** The state after `events`, known to exist. */
export function session(events: SessionEvent[]): CouncilSession {
  const state = given(events);
  if (state.status === 'none') throw new Error('no session in the given events');
  return state;
}

/** An instant of the session day (Asia/Ho_Chi_Minh). */
export function at(iso: string): Date {
  return new Date(iso);
}
