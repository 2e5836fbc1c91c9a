import { DomainError, type ThresholdDenominator, type ValidationIssue } from '@ttkt/contracts';
import { dayOf, isCalendarDate } from '../calendar';
import type { CouncilActor, CouncilEvent, CouncilRules, CouncilThreshold } from '../council.events';
import type { CouncilConfig, CouncilState } from '../council.state';
import { parseFraction } from '../fraction';

/** The default quorum: two thirds of the members present. */
export const DEFAULT_QUORUM = '2/3';

/** Record a dated configuration of an agency's council. */
export interface ConfigureCouncil {
  type: 'ConfigureCouncil';
  agencyId: string;
  chairUserId: string;
  secretaryUserId: string;
  memberUserIds: string[];
  rules: {
    quorum?: string;
    minAttendance?: string | null;
    allowWrittenVotes?: boolean;
    thresholds: {
      awardFormCode?: string;
      fraction: string;
      of: ThresholdDenominator;
      secretBallot: boolean;
    }[];
    source: string;
    effectiveFrom?: string;
  };
  actor: CouncilActor | null;
  now: Date;
}

/**
 * Checks and records a configuration: the chair and the secretary are members; every fraction is
 * `p/q` with `q ≥ 1` and `0 < p ≤ q`; at most one threshold without a form code (the default) and
 * one per code; the source is not blank; `effectiveFrom` a real date. Each failure is a
 * `validation-failed` issue at its path of the command. Defaults: quorum `2/3`, written votes
 * allowed, in force from today (Asia/Ho_Chi_Minh). The same configuration as the last one recorded
 * records nothing (a retried PUT).
 */
export function decideConfigureCouncil(
  command: ConfigureCouncil,
  state: CouncilState,
): CouncilEvent[] {
  const issues: ValidationIssue[] = [];
  const members = new Set(command.memberUserIds);
  if (!members.has(command.chairUserId)) {
    issues.push({ path: 'chairUserId', message: 'notAMember' });
  }
  if (!members.has(command.secretaryUserId)) {
    issues.push({ path: 'secretaryUserId', message: 'notAMember' });
  }
  const quorum = command.rules.quorum ?? DEFAULT_QUORUM;
  if (!parseFraction(quorum)) issues.push({ path: 'rules.quorum', message: 'invalidFraction' });
  const minAttendance = command.rules.minAttendance ?? null;
  if (minAttendance !== null && !parseFraction(minAttendance)) {
    issues.push({ path: 'rules.minAttendance', message: 'invalidFraction' });
  }
  const seen = new Set<string | undefined>();
  const thresholds: CouncilThreshold[] = command.rules.thresholds.map((threshold, index) => {
    const path = `rules.thresholds[${index}]`;
    if (!parseFraction(threshold.fraction)) {
      issues.push({ path: `${path}.fraction`, message: 'invalidFraction' });
    }
    if (seen.has(threshold.awardFormCode)) {
      issues.push({ path: `${path}.awardFormCode`, message: 'duplicateThreshold' });
    }
    seen.add(threshold.awardFormCode);
    return {
      ...(threshold.awardFormCode === undefined ? {} : { awardFormCode: threshold.awardFormCode }),
      fraction: threshold.fraction,
      of: threshold.of,
      secretBallot: threshold.secretBallot,
    };
  });
  const source = command.rules.source.normalize('NFC').trim();
  if (source === '') issues.push({ path: 'rules.source', message: 'isNotEmpty' });
  const effectiveFrom = command.rules.effectiveFrom ?? dayOf(command.now);
  if (!isCalendarDate(effectiveFrom)) {
    issues.push({ path: 'rules.effectiveFrom', message: 'isDateString' });
  }
  if (issues.length > 0) throw new DomainError('validation-failed', {}, issues);

  const rules: CouncilRules = {
    quorum,
    minAttendance,
    allowWrittenVotes: command.rules.allowWrittenVotes ?? true,
    thresholds,
    source,
    effectiveFrom,
  };
  const last = state.configs[state.configs.length - 1];
  if (last && sameConfiguration(last, command, rules)) return [];
  return [
    {
      type: 'CouncilConfigured',
      data: {
        agencyId: command.agencyId,
        chairUserId: command.chairUserId,
        secretaryUserId: command.secretaryUserId,
        memberUserIds: [...command.memberUserIds],
        rules,
        at: command.now.toISOString(),
        by: command.actor,
      },
    },
  ];
}

function sameConfiguration(
  last: CouncilConfig,
  command: ConfigureCouncil,
  rules: CouncilRules,
): boolean {
  return (
    last.chairUserId === command.chairUserId &&
    last.secretaryUserId === command.secretaryUserId &&
    canonical(last.memberUserIds) === canonical(command.memberUserIds) &&
    canonical(last.rules) === canonical(rules)
  );
}

/** JSON with object keys sorted (stored data comes back from jsonb in another key order). */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item !== null && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(
          Object.entries(item as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : item,
  );
}
