import { refusalOf } from '@ttkt/testing';
import type { CouncilEvent } from '../council.events';
import { foldCouncil, initialCouncilState } from '../council.state';
import { decideConfigureCouncil, type ConfigureCouncil } from './configure-council.decide';

const ADMIN = { kind: 'user', id: 'u-quan-tri' };
const MEMBERS = ['u-giam-doc', 'u-chanh-van-phong', 'u-pho-giam-doc'];

function command(overrides: Partial<ConfigureCouncil> = {}): ConfigureCouncil {
  return {
    type: 'ConfigureCouncil',
    agencyId: 'skhcn-bac-kan',
    chairUserId: 'u-giam-doc',
    secretaryUserId: 'u-chanh-van-phong',
    memberUserIds: MEMBERS,
    rules: {
      thresholds: [{ fraction: '1/2', of: 'present', secretBallot: false }],
      source: '  Quy chế hoạt động của Hội đồng TĐKT Sở, Điều 6 ',
    },
    actor: ADMIN,
    // 23:30 on 31/12/2020 in UTC is already 1/1/2021 in Vietnam.
    now: new Date('2020-12-31T23:30:00Z'),
    ...overrides,
  };
}

function rulesOf(overrides: Partial<ConfigureCouncil['rules']>): ConfigureCouncil['rules'] {
  return { ...command().rules, ...overrides };
}

describe('configuring the council', () => {
  it('records the configuration with the defaults: 2/3 quorum, written votes, from today', () => {
    expect(decideConfigureCouncil(command(), initialCouncilState())).toEqual([
      {
        type: 'CouncilConfigured',
        data: {
          agencyId: 'skhcn-bac-kan',
          chairUserId: 'u-giam-doc',
          secretaryUserId: 'u-chanh-van-phong',
          memberUserIds: MEMBERS,
          rules: {
            quorum: '2/3',
            minAttendance: null,
            allowWrittenVotes: true,
            thresholds: [{ fraction: '1/2', of: 'present', secretBallot: false }],
            source: 'Quy chế hoạt động của Hội đồng TĐKT Sở, Điều 6',
            effectiveFrom: '2021-01-01',
          },
          at: '2020-12-31T23:30:00.000Z',
          by: ADMIN,
        },
      },
    ]);
  });

  it('keeps the rules as given', () => {
    const [event] = decideConfigureCouncil(
      command({
        rules: rulesOf({
          quorum: '3/4',
          minAttendance: '4/5',
          allowWrittenVotes: false,
          effectiveFrom: '2021-06-01',
          thresholds: [
            { awardFormCode: 'BANG_KHEN', fraction: '2/3', of: 'all-members', secretBallot: true },
            { fraction: '1/1', of: 'participants', secretBallot: false },
          ],
        }),
      }),
      initialCouncilState(),
    );
    expect(event?.data.rules).toEqual(
      expect.objectContaining({
        quorum: '3/4',
        minAttendance: '4/5',
        allowWrittenVotes: false,
        effectiveFrom: '2021-06-01',
      }),
    );
  });

  it('refuses a chair or secretary who is not a member: validation-failed at each path', () => {
    const refusal = refusalOf(() =>
      decideConfigureCouncil(
        command({ chairUserId: 'u-x', secretaryUserId: 'u-y' }),
        initialCouncilState(),
      ),
    );
    expect(refusal.code).toBe('validation-failed');
    expect(refusal.errors).toEqual([
      { path: 'chairUserId', message: 'notAMember' },
      { path: 'secretaryUserId', message: 'notAMember' },
    ]);
  });

  it.each(['0/3', '4/3', '1/0', '0/0'])('refuses the fraction %s', (fraction) => {
    const refusal = refusalOf(() =>
      decideConfigureCouncil(
        command({
          rules: rulesOf({
            quorum: fraction,
            minAttendance: fraction,
            thresholds: [{ fraction, of: 'present', secretBallot: false }],
          }),
        }),
        initialCouncilState(),
      ),
    );
    expect(refusal.errors).toEqual([
      { path: 'rules.quorum', message: 'invalidFraction' },
      { path: 'rules.minAttendance', message: 'invalidFraction' },
      { path: 'rules.thresholds[0].fraction', message: 'invalidFraction' },
    ]);
  });

  it('refuses two default thresholds, or two for one form', () => {
    const refusal = refusalOf(() =>
      decideConfigureCouncil(
        command({
          rules: rulesOf({
            thresholds: [
              { fraction: '1/2', of: 'present', secretBallot: false },
              { awardFormCode: 'GK', fraction: '1/2', of: 'present', secretBallot: false },
              { fraction: '2/3', of: 'present', secretBallot: false },
              { awardFormCode: 'GK', fraction: '2/3', of: 'present', secretBallot: true },
            ],
          }),
        }),
        initialCouncilState(),
      ),
    );
    expect(refusal.errors).toEqual([
      { path: 'rules.thresholds[2].awardFormCode', message: 'duplicateThreshold' },
      { path: 'rules.thresholds[3].awardFormCode', message: 'duplicateThreshold' },
    ]);
  });

  it('refuses a blank source and an impossible date', () => {
    const refusal = refusalOf(() =>
      decideConfigureCouncil(
        command({ rules: rulesOf({ source: ' ', effectiveFrom: '2021-02-29' }) }),
        initialCouncilState(),
      ),
    );
    expect(refusal.errors).toEqual([
      { path: 'rules.source', message: 'isNotEmpty' },
      { path: 'rules.effectiveFrom', message: 'isDateString' },
    ]);
  });

  it('records nothing for the same configuration again, a new one for a change', () => {
    const first = decideConfigureCouncil(command(), initialCouncilState());
    // As read back from jsonb: the keys in another order.
    const reread = JSON.parse(
      JSON.stringify(first, (_key, value: unknown) =>
        value !== null && typeof value === 'object' && !Array.isArray(value)
          ? Object.fromEntries(Object.entries(value).reverse())
          : value,
      ),
    ) as CouncilEvent[];
    const state = foldCouncil(reread);
    expect(decideConfigureCouncil(command(), state)).toEqual([]);
    expect(decideConfigureCouncil(command({ chairUserId: 'u-pho-giam-doc' }), state)).toHaveLength(
      1,
    );
  });
});
