import { agencyCodeOf, reviewAwardFormsOf } from './campaign-copy';

describe('the campaign copy', () => {
  it.each([
    ['27/KH-SKHCN', 'SKHCN'],
    ['05/KH-UBND', 'UBND'],
    ['12/KH-SKHCN-VP', 'SKHCN-VP'],
    ['27/KH', ''],
  ])('takes the agency code of %s', (planNumber, code) => {
    expect(agencyCodeOf(planNumber)).toBe(code);
  });

  it('keeps the forms’ quota, decider and proposal stage', () => {
    expect(
      reviewAwardFormsOf({
        awardForms: [
          { code: 'A', name: 'Giấy khen', decidedBy: { kind: 'agency-head' }, quota: { max: 3 } },
          {
            code: 'B',
            name: 'Bằng khen',
            decidedBy: { kind: 'higher-authority', title: 'Chủ tịch UBND tỉnh' },
            quota: { max: 2 },
            proposalStage: {
              to: { kind: 'unit', unit: 'VP' },
              before: '2021-05-31',
              cutoff: '2021-05-31T00:00:00+07:00',
            },
          },
        ],
      }),
    ).toEqual([
      {
        code: 'A',
        name: 'Giấy khen',
        quota: 3,
        decidedBy: { kind: 'agency-head', title: '' },
        proposalStage: null,
      },
      {
        code: 'B',
        name: 'Bằng khen',
        quota: 2,
        decidedBy: { kind: 'higher-authority', title: 'Chủ tịch UBND tỉnh' },
        proposalStage: { to: 'VP', before: '2021-05-31', cutoff: '2021-05-31T00:00:00+07:00' },
      },
    ]);
  });
});
