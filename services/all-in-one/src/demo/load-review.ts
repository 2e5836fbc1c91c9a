import type {
  CouncilSessionView,
  DecisionView,
  NominationView,
  ProposalView,
} from '@ttkt/contracts';
import { ApiError, type ApiClient, type ApiResponse } from './api-client';
import type { DemoClock } from './demo-clock';
import type { DemoPerson } from './directory-data';
import { BAC_KAN_DOSSIERS_2021, dossierKey, type DemoDossier } from './dossier-data';
import { achievementReport } from './load-dossiers';
import { approvedByVote, finalStatuses, type DemoReview } from './review-data';
import { pause, retryWhileCatchingUp } from './retry';
import { signInUsers } from './sign-in';

/** Where the review goes: the plan, its recorded dossiers and the agency's accounts. */
export interface ReviewTarget {
  /** The gateway's base URL (without `/api/v1`). */
  baseUrl: string;
  /** The platform's clock: set to each step's instant, and back to the base clock at the end. */
  clock: DemoClock;
  agencyId: string;
  agencyName: string;
  /** The place documents are dated at (`Bắc Kạn`). */
  place: string;
  campaignId: string;
  /** The plan's dossiers as recorded, by {@link dossierKey}. */
  dossiers: ReadonlyMap<string, { id: string }>;
  /** The agency's user ids by username. */
  userIds: ReadonlyMap<string, string>;
  /** The agency's units by code. */
  units: ReadonlyMap<string, { id: string; name: string }>;
  /** The agency's people by key. */
  people: ReadonlyMap<string, DemoPerson & { id: string }>;
  /** How long each step may wait for a service to catch up (ms). */
  timeoutMs: number;
  /** Called after each step with its name (for timing). */
  onStep?: (step: string) => void;
}

/** What {@link recordReview} left behind. */
export interface LoadedReview {
  sessionId: string;
  decision: { id: string; number: string };
  proposal: { id: string; number: string };
  /** Each dossier's final status, by nomination id. */
  statuses: Map<string, string>;
}

/** The refusals of a command whose facts another service has not received yet. */
const CATCHING_UP = [404, 409, 422, 503] as const;
/** The refusals of a command on the review service's own state: only "too busy". */
const BUSY = [503] as const;

/**
 * Records `review` of the plan's dossiers through the public API, each step at its instant (the
 * platform's clock set there, the accounts signed in anew) and as its account: the council, the
 * screening (accepting, returning one), the resubmission and its acceptance, the session (open,
 * every member's vote, close), the head's decision and proposal (waiting for their numbers), the
 * higher authority's outcome, and the campaign's close. After each step that changes the
 * dossiers' statuses it waits, before moving the clock on, until the nomination service shows
 * them (so each dossier's history reads in the order and on the days it happened). A step refused
 * because a service has not caught up with an earlier one is retried (bounded); any other refusal
 * fails the load. The clock is set right again before this returns, also on failure.
 */
export async function recordReview(
  review: DemoReview,
  target: ReviewTarget,
): Promise<LoadedReview> {
  const { clock } = target;
  const nominationId = (key: string): string => {
    const dossier = target.dossiers.get(key);
    if (!dossier) throw new Error(`demo review: no dossier ${key}`);
    return dossier.id;
  };
  const userId = (username: string): string => {
    const id = target.userIds.get(username);
    if (!id) throw new Error(`demo review: no user ${username}`);
    return id;
  };
  // The dossiers' statuses (by key) as the nomination service shows them after each step.
  const statuses = new Map<string, string>();
  let settled = new Map<string, string>();
  /**
   * Sets the clock to `at`, signs `usernames` in under it, and runs `work` as them; then, when the
   * step changes statuses (`outcomes`), waits under the same clock until the nomination service
   * shows them (as the first account), so that it records them on the step's day too.
   */
  const step = async <T>(
    name: string,
    at: string,
    usernames: readonly string[],
    work: (as: (username: string) => ApiClient) => Promise<T>,
    outcomes?: Iterable<[string, string]>,
  ): Promise<T> => {
    clock.shiftTo(at);
    const clients = await signInUsers(target.baseUrl, [...new Set(usernames)]);
    const as = (username: string): ApiClient => {
      const client = clients.get(username);
      if (!client) throw new Error(`demo review: ${username} is not signed in`);
      return client;
    };
    const result = await work(as);
    if (outcomes) {
      for (const [key, status] of outcomes) statuses.set(key, status);
      settled = await settle(as(usernames[0] ?? ''), target, statuses, name);
    }
    target.onStep?.(name);
    return result;
  };
  const each = (keys: Iterable<string>, status: (key: string) => string): Array<[string, string]> =>
    [...keys].map((key) => [key, status(key)]);
  const retried = <T>(
    command: () => Promise<ApiResponse<T>>,
    statuses: readonly number[],
  ): Promise<ApiResponse<T>> => retryWhileCatchingUp(command, target.timeoutMs, statuses);

  try {
    // The council, as the agency admin.
    const { council } = review;
    await step('council', council.at, [council.by], (as) =>
      retried(
        () =>
          as(council.by).put(`/agencies/${target.agencyId}/council`, {
            chairUserId: userId(council.chair),
            secretaryUserId: userId(council.secretary),
            memberUserIds: council.members.map(userId),
            rules: council.rules,
          }),
        CATCHING_UP,
      ),
    );

    // Screening: every dossier accepted but one, returned for supplement. Review learns of a
    // submission from the nomination service's event: until then, 404 or 409.
    const { screening } = review;
    const returned = screening.returned.dossier;
    await step(
      'screening',
      screening.at,
      [screening.by],
      (as) =>
        Promise.all(
          [...target.dossiers.keys()].map((key) =>
            retried(
              () =>
                key === returned
                  ? as(screening.by).post(`/nominations/${nominationId(key)}/review/return`, {
                      reasons: screening.returned.reasons,
                    })
                  : as(screening.by).post(`/nominations/${nominationId(key)}/review/accept`, {}),
              CATCHING_UP,
            ),
          ),
        ),
      each(target.dossiers.keys(), (key) => (key === returned ? 'returned' : 'accepted')),
    );

    // The unit's supplement: the achievement report replaced, then resubmitted (the nomination
    // service learns of the return from review: until then the dossier is `submitted`, 409).
    const { resubmission } = review;
    await step('resubmission', resubmission.at, [resubmission.by], async (as) => {
      const client = as(resubmission.by);
      const id = nominationId(returned);
      const dossier = demoDossier(returned);
      const read = await waitFor(
        () => client.get<NominationView>(`/nominations/${id}`),
        (current) => current.status === 'returned',
        { timeoutMs: target.timeoutMs, what: `dossier ${id} returned` },
      );
      const report = read.documents.find((d) => d.documentTypeCode === 'BAO_CAO_THANH_TICH');
      if (!report) throw new Error(`demo review: dossier ${id} has no achievement report`);
      await client.delete(`/nominations/${id}/documents/${report.documentId}`);
      const unit = target.units.get(dossier.unit);
      const nominee = nomineeName(target, dossier);
      const file = achievementReport(
        { agencyName: target.agencyName, place: target.place, datedOn: resubmission.datedOn },
        unit?.name ?? dossier.unit,
        nominee,
        dossier.achievementSummary,
        resubmission.supplement,
      );
      await client.upload(
        `/nominations/${id}/documents`,
        { documentTypeCode: 'BAO_CAO_THANH_TICH' },
        { content: file.content, fileName: file.fileName, mediaType: 'application/pdf' },
      );
      await retried(() => client.post(`/nominations/${id}/submit`, {}), BUSY);
    });
    statuses.set(returned, 'submitted');

    // Accepted once review has the resubmission.
    const { acceptance } = review;
    await step(
      'acceptance',
      acceptance.at,
      [acceptance.by],
      (as) =>
        retried(
          () => as(acceptance.by).post(`/nominations/${nominationId(returned)}/review/accept`, {}),
          CATCHING_UP,
        ),
      [[returned, 'accepted']],
    );

    // The session: opened with the accepted dossiers on its agenda, every member's vote (those
    // absent in writing), closed with the tally.
    const { session } = review;
    const sessionId = await step(
      'session',
      session.at,
      [session.by, ...council.members],
      async (as) => {
        const opened = await retried(
          () =>
            as(session.by).post<CouncilSessionView>(
              `/campaigns/${target.campaignId}/council-sessions`,
              {
                heldOn: session.heldOn,
                presentUserIds: council.members
                  .filter((member) => !session.absent.includes(member))
                  .map(userId),
                awardFormCodes: [review.decision.awardFormCode, review.proposal.awardFormCode],
              },
            ),
          CATCHING_UP,
        );
        const id = opened.body.id;
        const onAgenda = new Set(
          opened.body.agenda.flatMap((item) => item.dossiers.map((d) => d.nominationId)),
        );
        const missing = [...target.dossiers.keys()].filter(
          (key) => !onAgenda.has(nominationId(key)),
        );
        if (missing.length > 0)
          throw new Error(`demo review: not on the session's agenda: ${missing.join(', ')}`);
        // The members vote side by side (the service serialises the session's writers), each one
        // dossier after another.
        await Promise.all(
          council.members.map(async (member) => {
            for (const key of target.dossiers.keys())
              await retried(
                () =>
                  as(member).post(`/council-sessions/${id}/votes`, {
                    nominationId: nominationId(key),
                    approve: session.approvals[key]?.includes(member) ?? false,
                  }),
                BUSY,
              );
          }),
        );
        await retried(() => as(session.by).post(`/council-sessions/${id}/close`, {}), BUSY);
        return id;
      },
      each(target.dossiers.keys(), (key) =>
        approvedByVote(review, key) ? 'approved' : 'not-approved',
      ),
    );

    // The head's decision, numbered in the agency's register (waiting for the number).
    const { decision } = review;
    const decided = await step(
      'decision',
      decision.at,
      [decision.by],
      async (as) => {
        const client = as(decision.by);
        const answer = await retried(
          () =>
            client.post<DecisionView>(`/campaigns/${target.campaignId}/decisions`, {
              awardFormCode: decision.awardFormCode,
              nominationIds: decision.dossiers.map(nominationId),
              decidedOn: decision.decidedOn,
            }),
          BUSY,
        );
        return numbered(
          answer.body,
          'issued',
          (id) => client.get<DecisionView>(`/decisions/${id}`),
          target.timeoutMs,
        );
      },
      each(decision.dossiers, () => 'awarded'),
    );

    // The proposal to the higher authority, numbered the same way.
    const { proposal } = review;
    const proposed = await step(
      'proposal',
      proposal.at,
      [proposal.by],
      async (as) => {
        const client = as(proposal.by);
        const answer = await retried(
          () =>
            client.post<ProposalView>(`/campaigns/${target.campaignId}/proposals`, {
              awardFormCode: proposal.awardFormCode,
              nominationIds: proposal.dossiers.map(nominationId),
              proposedOn: proposal.proposedOn,
            }),
          BUSY,
        );
        return numbered(
          answer.body,
          'proposed',
          (id) => client.get<ProposalView>(`/proposals/${id}`),
          target.timeoutMs,
        );
      },
      each(proposal.dossiers, () => 'proposed'),
    );

    // The higher authority's outcome, then the campaign's close.
    const { outcome, close } = review;
    await step(
      'outcome',
      outcome.at,
      [outcome.by],
      (as) =>
        retried(
          () =>
            as(outcome.by).post(`/proposals/${proposed.id}/outcome`, {
              approvedNominationIds: outcome.approved.map(nominationId),
              decisionNumber: outcome.decisionNumber,
              decidedOn: outcome.decidedOn,
            }),
          BUSY,
        ),
      each(proposal.dossiers, (key) =>
        outcome.approved.includes(key) ? 'awarded' : 'not-approved',
      ),
    );
    await step(
      'close',
      close.at,
      [close.by],
      (as) => retried(() => as(close.by).post(`/campaigns/${target.campaignId}/close`, {}), BUSY),
      finalStatuses(review),
    );

    return {
      sessionId,
      decision: { id: decided.id, number: decided.number ?? '' },
      proposal: { id: proposed.id, number: proposed.number ?? '' },
      statuses: settled,
    };
  } catch (error) {
    throw error instanceof ApiError
      ? new Error(`recording the demo review at ${clock.now().toISOString()}: ${error.message}`)
      : error;
  } finally {
    clock.reset();
  }
}

/**
 * Reads with `read` until `done` holds of the answer (again after 10 ms, then less often up to
 * every 100 ms, at most `timeoutMs`); throws what `fail` says when it holds of an answer, or when
 * time runs out.
 */
async function waitFor<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  options: { timeoutMs: number; what: string; fail?: (value: T) => string | undefined },
): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  for (let wait = 10; ; wait = Math.min(wait * 2, 100)) {
    const value = await read();
    if (done(value)) return value;
    const failure = options.fail?.(value);
    if (failure) throw new Error(`demo review: ${options.what}: ${failure}`);
    if (Date.now() > deadline)
      throw new Error(
        `demo review: ${options.what}: not within ${options.timeoutMs} ms (${JSON.stringify(value)})`,
      );
    await pause(wait);
  }
}

/**
 * A decision or proposal once numbered: a `201` carries it; after a `202` it is read again until
 * the register has answered. Refused by the register (`failed`) → the load fails.
 */
function numbered<T extends { id: string; status: string; number: string | null }>(
  first: T,
  done: string,
  read: (id: string) => Promise<T>,
  timeoutMs: number,
): Promise<T> {
  let answered = false;
  return waitFor(
    async () => {
      if (answered) return read(first.id);
      answered = true;
      return first;
    },
    (current) => current.status === done,
    {
      timeoutMs,
      what: `numbering ${first.id}`,
      fail: (current) =>
        current.status === 'failed'
          ? `the register refused it (${JSON.stringify(current)})`
          : undefined,
    },
  );
}

/**
 * Reads the plan's dossiers until the nomination service shows each of `expected` (statuses by
 * dossier key; it learns them from review's events), and answers every status by nomination id.
 */
async function settle(
  client: ApiClient,
  target: ReviewTarget,
  expected: ReadonlyMap<string, string>,
  after: string,
): Promise<Map<string, string>> {
  const byId = [...expected].map(([key, status]): [string, string] => [
    target.dossiers.get(key)?.id ?? key,
    status,
  ]);
  const statuses = await waitFor(
    async () => {
      const { items } = await client.get<{ items: NominationView[] }>(
        `/campaigns/${target.campaignId}/nominations`,
        { limit: 100 },
      );
      return Object.fromEntries(items.map((item) => [item.id, item.status as string]));
    },
    (current) => byId.every(([id, status]) => current[id] === status),
    {
      timeoutMs: target.timeoutMs,
      what: `after the ${after}, the dossiers reaching ${JSON.stringify(Object.fromEntries(byId))}`,
    },
  );
  return new Map(Object.entries(statuses));
}

function demoDossier(key: string): DemoDossier {
  const dossier = BAC_KAN_DOSSIERS_2021.find((candidate) => dossierKey(candidate) === key);
  if (!dossier) throw new Error(`demo review: no dossier ${key}`);
  return dossier;
}

function nomineeName(target: ReviewTarget, dossier: DemoDossier): string {
  return dossier.nominee.kind === 'collective'
    ? (target.units.get(dossier.nominee.unit)?.name ?? dossier.nominee.unit)
    : (target.people.get(dossier.nominee.person)?.fullName ?? dossier.nominee.person);
}
