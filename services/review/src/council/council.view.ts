import type { CouncilConfigView, CouncilRulesView, CouncilView } from '@ttkt/contracts';
import type { CouncilRules } from './council.events';
import {
  configsByEffectiveDate,
  councilInForceOn,
  type CouncilConfig,
  type CouncilState,
} from './council.state';

/** The rules as the API shows them. */
export function toCouncilRulesView(rules: CouncilRules): CouncilRulesView {
  return {
    quorum: rules.quorum,
    minAttendance: rules.minAttendance,
    allowWrittenVotes: rules.allowWrittenVotes,
    thresholds: rules.thresholds.map((threshold) => ({
      ...(threshold.awardFormCode === undefined ? {} : { awardFormCode: threshold.awardFormCode }),
      fraction: threshold.fraction,
      of: threshold.of,
      secretBallot: threshold.secretBallot,
    })),
    source: rules.source,
    effectiveFrom: rules.effectiveFrom,
  };
}

function toConfigView(config: CouncilConfig): CouncilConfigView {
  return {
    chairUserId: config.chairUserId,
    secretaryUserId: config.secretaryUserId,
    memberUserIds: [...config.memberUserIds],
    rules: toCouncilRulesView(config.rules),
    configuredAt: config.configuredAt,
  };
}

/** An agency's council: the configuration in force on `today` and every dated one. */
export function toCouncilView(agencyId: string, state: CouncilState, today: string): CouncilView {
  const current = councilInForceOn(state.configs, today);
  return {
    agencyId,
    current: current ? toConfigView(current) : null,
    history: configsByEffectiveDate(state.configs).map(toConfigView),
    version: state.version,
  };
}
