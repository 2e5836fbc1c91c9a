import { legalBasesOn } from './legal-basis';

describe('the legal bases in force on a decision’s date', () => {
  it('cites the 2003 law and decree 91/2017 before 2024', () => {
    const lines = legalBasesOn('2021-05-17');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^Luật Thi đua, khen thưởng năm 2003/);
    expect(lines[1]).toMatch(/^Nghị định số 91\/2017\/NĐ-CP/);
  });

  it('cites the 2022 law and decree 98/2023 from 1/1/2024 to 30/6/2025', () => {
    for (const date of ['2024-01-01', '2025-06-30']) {
      expect(legalBasesOn(date)).toEqual([
        'Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022',
        expect.stringMatching(/^Nghị định số 98\/2023\/NĐ-CP ngày 31 tháng 12 năm 2023/),
      ]);
    }
  });

  it('cites the 2022 law and decree 152/2025 from 1/7/2025', () => {
    expect(legalBasesOn('2025-07-01')).toEqual([
      'Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022',
      expect.stringMatching(/^Nghị định số 152\/2025\/NĐ-CP ngày 14 tháng 6 năm 2025/),
    ]);
  });
});
