import type { CouncilEvent, CouncilRules } from './council.events';
import { councilInForceOn, foldCouncil, thresholdFor } from './council.state';

function configured(effectiveFrom: string, quorum: string, at: string): CouncilEvent {
  return {
    type: 'CouncilConfigured',
    data: {
      agencyId: 'skhcn-bac-kan',
      chairUserId: 'u-a',
      secretaryUserId: 'u-b',
      memberUserIds: ['u-a', 'u-b', 'u-c'],
      rules: {
        quorum,
        minAttendance: null,
        allowWrittenVotes: true,
        thresholds: [{ fraction: '1/2', of: 'present', secretBallot: false }],
        source: 'Quy chế',
        effectiveFrom,
      },
      at,
      by: null,
    },
  };
}

describe('the configuration in force on a day', () => {
  const state = foldCouncil([
    configured('2021-06-01', '3/4', '2021-01-01T00:00:00.000Z'),
    configured('2021-01-01', '1/2', '2021-01-02T00:00:00.000Z'),
    configured('2021-01-01', '2/3', '2021-01-03T00:00:00.000Z'),
  ]);

  it('is none before the first effectiveFrom', () => {
    expect(councilInForceOn(state.configs, '2020-12-31')).toBeNull();
  });

  it('is the latest recorded of the greatest effectiveFrom not after the day', () => {
    expect(councilInForceOn(state.configs, '2021-01-01')?.rules.quorum).toBe('2/3');
    expect(councilInForceOn(state.configs, '2021-05-31')?.rules.quorum).toBe('2/3');
    expect(councilInForceOn(state.configs, '2021-06-01')?.rules.quorum).toBe('3/4');
  });

  it('counts the versions', () => {
    expect(state.version).toBe(3);
    expect(state.agencyId).toBe('skhcn-bac-kan');
  });
});

describe('the threshold of a form', () => {
  const rules: CouncilRules = {
    quorum: '2/3',
    minAttendance: null,
    allowWrittenVotes: true,
    thresholds: [
      { fraction: '1/2', of: 'present', secretBallot: false },
      { awardFormCode: 'BK', fraction: '2/3', of: 'all-members', secretBallot: true },
    ],
    source: 'Quy chế',
    effectiveFrom: '2021-01-01',
  };

  it('is its own, else the default', () => {
    expect(thresholdFor(rules, 'BK')?.fraction).toBe('2/3');
    expect(thresholdFor(rules, 'GK')?.fraction).toBe('1/2');
    expect(thresholdFor({ ...rules, thresholds: rules.thresholds.slice(1) }, 'GK')).toBeNull();
  });
});
