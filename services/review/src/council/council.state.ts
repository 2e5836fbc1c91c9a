import type { CouncilActor, CouncilEvent, CouncilRules, CouncilThreshold } from './council.events';

/** One dated configuration of a council. */
export interface CouncilConfig {
  chairUserId: string;
  secretaryUserId: string;
  memberUserIds: string[];
  rules: CouncilRules;
  /** When it was recorded (ISO-8601). */
  configuredAt: string;
  configuredBy: CouncilActor | null;
}

/** An agency's council, folded from its stream: every configuration in recording order. */
export interface CouncilState {
  /** The agency, once configured. */
  agencyId: string | null;
  configs: CouncilConfig[];
  /** Events applied so far (the stream's version). */
  version: number;
}

/** The state of a stream with no events. */
export function initialCouncilState(): CouncilState {
  return { agencyId: null, configs: [], version: 0 };
}

/** Applies one stored event. */
export function evolveCouncil(state: CouncilState, event: CouncilEvent): CouncilState {
  switch (event.type) {
    case 'CouncilConfigured': {
      const { data } = event;
      return {
        agencyId: data.agencyId,
        version: state.version + 1,
        configs: [
          ...state.configs,
          {
            chairUserId: data.chairUserId,
            secretaryUserId: data.secretaryUserId,
            memberUserIds: data.memberUserIds,
            rules: data.rules,
            configuredAt: data.at,
            configuredBy: data.by,
          },
        ],
      };
    }
    default: {
      const unexpected: never = event.type;
      return unexpected;
    }
  }
}

/** The state after some events. */
export function foldCouncil(
  events: readonly CouncilEvent[],
  state: CouncilState = initialCouncilState(),
): CouncilState {
  return events.reduce(evolveCouncil, state);
}

/**
 * The configurations by `effectiveFrom`, then recording order (the order of the council's
 * history).
 */
export function configsByEffectiveDate(configs: readonly CouncilConfig[]): CouncilConfig[] {
  return configs
    .map((config, index) => ({ config, index }))
    .sort(
      (a, b) =>
        compareText(a.config.rules.effectiveFrom, b.config.rules.effectiveFrom) ||
        a.index - b.index,
    )
    .map(({ config }) => config);
}

/**
 * The configuration in force on `date` (`YYYY-MM-DD`): the one with the greatest `effectiveFrom`
 * not after `date`, the latest recorded when several share that day; null when none is in force
 * yet.
 */
export function councilInForceOn(
  configs: readonly CouncilConfig[],
  date: string,
): CouncilConfig | null {
  const inForce = configsByEffectiveDate(configs).filter(
    (config) => config.rules.effectiveFrom <= date,
  );
  return inForce[inForce.length - 1] ?? null;
}

/** The threshold of an award form: its own, else the default (no code), else null. */
export function thresholdFor(rules: CouncilRules, awardFormCode: string): CouncilThreshold | null {
  return (
    rules.thresholds.find((threshold) => threshold.awardFormCode === awardFormCode) ??
    rules.thresholds.find((threshold) => threshold.awardFormCode === undefined) ??
    null
  );
}

function compareText(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}
