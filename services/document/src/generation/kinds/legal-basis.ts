/**
 * The legal instruments a decision on emulation and commendation cites, by the date they were in
 * force (research-notes §0): dated data with a source, never one fixed list. Only the instruments
 * and dates the notes verify are cited; the amending law 06/2026/QH16 is reported only by a single
 * source ([R]: read the official text first), so it is not cited yet.
 */
export interface LegalBasisLine {
  /** First day in force (`YYYY-MM-DD`), inclusive. */
  from: string | null;
  /** First day no longer in force (`YYYY-MM-DD`), exclusive; null while in force. */
  until: string | null;
  /** The line without `Căn cứ ` and without the ending punctuation. */
  text: string;
  /** Where the notes verify it. */
  source: string;
}

/** The law and its implementing decree over time. */
export const LEGAL_BASES: readonly LegalBasisLine[] = [
  {
    from: null,
    until: '2024-01-01',
    text: 'Luật Thi đua, khen thưởng năm 2003 và các Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng năm 2005, 2009, 2013',
    source:
      'research-notes §0: the 2003 law and its 2005/2009/2013 amendments, replaced 01/01/2024',
  },
  {
    from: null,
    until: '2024-01-01',
    text: 'Nghị định số 91/2017/NĐ-CP của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng',
    source: 'research-notes §0: ND 91/2017/NĐ-CP, the old implementing decree, expired 01/01/2024',
  },
  {
    from: '2024-01-01',
    until: null,
    text: 'Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022',
    source: 'research-notes §0: Law 06/2022/QH15 (15/6/2022), in force since 01/01/2024',
  },
  {
    from: '2024-01-01',
    until: '2025-07-01',
    text: 'Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng',
    source: 'research-notes §0: ND 98/2023/NĐ-CP (31/12/2023), in force 01/01/2024 to 30/06/2025',
  },
  {
    from: '2025-07-01',
    until: null,
    text: 'Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định chi tiết một số điều của Luật Thi đua, khen thưởng',
    source: 'research-notes §0: ND 152/2025/NĐ-CP (14/06/2025), in force since 01/07/2025',
  },
];

/** The lines (`Luật …`, `Nghị định …`) in force on `date` (`YYYY-MM-DD`), in citing order. */
export function legalBasesOn(
  date: string,
  table: readonly LegalBasisLine[] = LEGAL_BASES,
): string[] {
  return table
    .filter(
      (line) =>
        (line.from === null || line.from <= date) && (line.until === null || date < line.until),
    )
    .map((line) => line.text);
}
