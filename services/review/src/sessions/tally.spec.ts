import fc from 'fast-check';
import type { ThresholdDenominator } from '@ttkt/contracts';
import { tallyForm, type DossierCount, type FormTallyInput } from './tally';

function count(nominationId: string, yes: number, no = 0): DossierCount {
  return { nominationId, yes, no };
}

function input(overrides: Partial<FormTallyInput>): FormTallyInput {
  return {
    quota: 10,
    threshold: { fraction: '2/3', of: 'all-members' },
    members: 5,
    present: 5,
    counts: [],
    ...overrides,
  };
}

function approvedOf(overrides: Partial<FormTallyInput>): boolean | undefined {
  return tallyForm(input(overrides)).tally[0]?.approved;
}

describe('the threshold, in exact arithmetic', () => {
  describe('of all members', () => {
    const of = 'all-members' as const;

    it('is met by 2 yes of 3 members for 2/3', () => {
      const line = tallyForm(
        input({
          threshold: { fraction: '2/3', of },
          members: 3,
          present: 3,
          counts: [count('a', 2, 1)],
        }),
      ).tally[0];
      expect(line).toEqual({
        nominationId: 'a',
        yes: 2,
        no: 1,
        ballots: 3,
        denominator: 3,
        approved: true,
        rank: 1,
      });
    });

    it('is not met by 3 yes of 5 members for 2/3', () => {
      expect(
        approvedOf({ threshold: { fraction: '2/3', of }, members: 5, counts: [count('a', 3, 2)] }),
      ).toBe(false);
    });

    it('is met by 4 yes of 6 members for 2/3 (the exact boundary)', () => {
      expect(
        approvedOf({ threshold: { fraction: '2/3', of }, members: 6, counts: [count('a', 4)] }),
      ).toBe(true);
    });

    it('counts members who did not vote: 2 yes of 2 ballots among 5 members fails 1/2', () => {
      expect(
        approvedOf({ threshold: { fraction: '1/2', of }, members: 5, counts: [count('a', 2)] }),
      ).toBe(false);
    });
  });

  describe('of the members present', () => {
    const of = 'present' as const;

    it('is met by 2 yes of 3 present for 2/3, though the council has 5 members', () => {
      const [line] = tallyForm(
        input({
          threshold: { fraction: '2/3', of },
          members: 5,
          present: 3,
          counts: [count('a', 2)],
        }),
      ).tally;
      expect(line).toEqual(expect.objectContaining({ denominator: 3, approved: true }));
    });

    it('is not met by 3 yes of 5 present for 2/3', () => {
      expect(
        approvedOf({ threshold: { fraction: '2/3', of }, present: 5, counts: [count('a', 3, 2)] }),
      ).toBe(false);
    });

    it('is met by 2 yes of 4 present for 1/2 (the exact boundary)', () => {
      expect(
        approvedOf({ threshold: { fraction: '1/2', of }, present: 4, counts: [count('a', 2, 2)] }),
      ).toBe(true);
    });
  });

  describe('of the participants (ballots on the dossier)', () => {
    const of = 'participants' as const;

    it('is met by 2 yes of 3 ballots for 2/3', () => {
      const [line] = tallyForm(
        input({
          threshold: { fraction: '2/3', of },
          members: 9,
          present: 9,
          counts: [count('a', 2, 1)],
        }),
      ).tally;
      expect(line).toEqual(expect.objectContaining({ ballots: 3, denominator: 3, approved: true }));
    });

    it('is not met by 3 yes of 5 ballots for 2/3', () => {
      expect(approvedOf({ threshold: { fraction: '2/3', of }, counts: [count('a', 3, 2)] })).toBe(
        false,
      );
    });

    it('is never met without a ballot', () => {
      const [line] = tallyForm(
        input({ threshold: { fraction: '1/2', of }, counts: [count('a', 0, 0)] }),
      ).tally;
      expect(line).toEqual(
        expect.objectContaining({ denominator: 0, approved: false, rank: null }),
      );
    });
  });

  it('takes 1/1 as unanimity of the denominator', () => {
    expect(
      approvedOf({
        threshold: { fraction: '1/1', of: 'present' },
        present: 4,
        counts: [count('a', 4)],
      }),
    ).toBe(true);
    expect(
      approvedOf({
        threshold: { fraction: '1/1', of: 'present' },
        present: 4,
        counts: [count('a', 3, 1)],
      }),
    ).toBe(false);
  });
});

describe('ranks', () => {
  it('ranks the approved by yes votes, equal yes equal rank, the others after without a rank', () => {
    const { tally } = tallyForm(
      input({
        threshold: { fraction: '1/2', of: 'present' },
        present: 5,
        counts: [
          count('d', 3, 2),
          count('a', 5),
          count('x', 1, 4),
          count('b', 4, 1),
          count('c', 4, 1),
        ],
      }),
    );
    expect(tally.map((line) => [line.nominationId, line.rank])).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 2],
      ['d', 4],
      ['x', null],
    ]);
  });
});

describe('a tie at the last place within the quota', () => {
  const half = { fraction: '1/2', of: 'present' as const };

  it('is reported with the places left when places quota and quota+1 have equal yes', () => {
    const { tie } = tallyForm(
      input({ quota: 2, threshold: half, counts: [count('a', 5), count('b', 4), count('c', 4)] }),
    );
    expect(tie).toEqual({ nominationIds: ['b', 'c'], places: 1, yes: 4 });
  });

  it('holds every approved dossier with that count, the places after those with more yes', () => {
    const { tie } = tallyForm(
      input({
        quota: 3,
        threshold: half,
        counts: [count('a', 5), count('b', 4), count('c', 4), count('d', 4), count('e', 3)],
      }),
    );
    expect(tie).toEqual({ nominationIds: ['b', 'c', 'd'], places: 2, yes: 4 });
  });

  it('is reported for a quota of one between two equals', () => {
    const { tie } = tallyForm(
      input({ quota: 1, threshold: half, counts: [count('a', 4), count('b', 4)] }),
    );
    expect(tie).toEqual({ nominationIds: ['a', 'b'], places: 1, yes: 4 });
  });

  it('is not reported when ranks quota and quota+1 differ', () => {
    const { tie } = tallyForm(
      input({ quota: 2, threshold: half, counts: [count('a', 5), count('b', 5), count('c', 4)] }),
    );
    expect(tie).toBeNull();
  });

  it('is not reported when no more are approved than the quota', () => {
    const { tie } = tallyForm(
      input({
        quota: 2,
        threshold: half,
        counts: [count('a', 4), count('b', 4), count('c', 1, 4)],
      }),
    );
    expect(tie).toBeNull();
  });

  it('leaves out a dossier with the same yes count that was not approved', () => {
    const { tie, tally } = tallyForm(
      input({
        quota: 1,
        threshold: { fraction: '2/3', of: 'participants' },
        counts: [count('a', 3, 0), count('b', 3, 3), count('c', 3, 1)],
      }),
    );
    expect(tally.map((line) => line.approved)).toEqual([true, true, false]);
    expect(tie).toEqual({ nominationIds: ['a', 'c'], places: 1, yes: 3 });
  });
});

describe('the tally (property)', () => {
  const denominators: ThresholdDenominator[] = ['all-members', 'present', 'participants'];
  const arbitraryInput = fc
    .record({
      q: fc.integer({ min: 1, max: 12 }),
      pShare: fc.integer({ min: 1, max: 12 }),
      of: fc.constantFrom(...denominators),
      members: fc.integer({ min: 1, max: 30 }),
      presentShare: fc.integer({ min: 0, max: 30 }),
      quota: fc.integer({ min: 1, max: 6 }),
      votes: fc.array(fc.record({ yes: fc.nat(30), no: fc.nat(30) }), { maxLength: 12 }),
    })
    .map(({ q, pShare, of, members, presentShare, quota, votes }) => ({
      p: Math.min(pShare, q),
      q,
      input: {
        quota,
        threshold: { fraction: `${Math.min(pShare, q)}/${q}`, of },
        members,
        present: Math.min(presentShare, members),
        counts: votes.map((vote, index) => {
          const yes = Math.min(vote.yes, members);
          return count(`n${index}`, yes, Math.min(vote.no, members - yes));
        }),
      } satisfies FormTallyInput,
    }));

  it('approves exactly when yes · q ≥ p · denominator and the denominator is positive', () => {
    fc.assert(
      fc.property(arbitraryInput, ({ p, q, input: given }) => {
        for (const line of tallyForm(given).tally) {
          const denominator =
            given.threshold.of === 'all-members'
              ? given.members
              : given.threshold.of === 'present'
                ? given.present
                : line.yes + line.no;
          expect(line.ballots).toBe(line.yes + line.no);
          expect(line.denominator).toBe(denominator);
          expect(line.approved).toBe(denominator > 0 && line.yes * q >= p * denominator);
        }
      }),
    );
  });

  it('lists every dossier once, approved first by yes, and a tie fills the quota exactly', () => {
    fc.assert(
      fc.property(arbitraryInput, ({ input: given }) => {
        const { tally, tie } = tallyForm(given);
        expect(tally.map((line) => line.nominationId).sort()).toEqual(
          given.counts.map((line) => line.nominationId).sort(),
        );
        const approved = tally.filter((line) => line.approved);
        expect(tally.slice(0, approved.length)).toEqual(approved);
        approved.forEach((line, index) => {
          expect(line.rank).toBe(approved.findIndex((other) => other.yes === line.yes) + 1);
          if (index > 0) expect(line.yes).toBeLessThanOrEqual(approved[index - 1]?.yes ?? 0);
        });
        if (tie) {
          const above = approved.filter((line) => line.yes > tie.yes).length;
          expect(above + tie.places).toBe(given.quota);
          expect(tie.places).toBeGreaterThanOrEqual(1);
          expect(tie.places).toBeLessThan(tie.nominationIds.length);
          expect(approved.length).toBeGreaterThan(given.quota);
        } else if (approved.length > given.quota) {
          expect(approved[given.quota - 1]?.yes).not.toBe(approved[given.quota]?.yes);
        }
      }),
    );
  });
});
