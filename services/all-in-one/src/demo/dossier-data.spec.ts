import { BAC_KAN_AGENCY, THAI_NGUYEN_AGENCY, type DemoPerson } from './directory-data';
import { BAC_KAN_DOSSIERS_2021, THAI_NGUYEN_DOSSIERS, type DemoDossier } from './dossier-data';

function checkDossiers(
  dossiers: readonly DemoDossier[],
  agency: {
    units: readonly { code: string }[];
    people: readonly DemoPerson[];
    users: readonly { username: string; role: string; person: string; unitScoped?: boolean }[];
  },
): void {
  const units = new Set(agency.units.map((unit) => unit.code));
  const nominees = new Set<string>();
  for (const dossier of dossiers) {
    expect(units.has(dossier.unit)).toBe(true);
    // The nominee is the nominating unit or one of its people, once per form.
    const nomineeUnit =
      dossier.nominee.kind === 'collective'
        ? dossier.nominee.unit
        : agency.people.find(
            (person) =>
              dossier.nominee.kind === 'individual' && person.key === dossier.nominee.person,
          )?.unit;
    expect(nomineeUnit).toBe(dossier.unit);
    const nominee = `${dossier.awardFormCode}:${JSON.stringify(dossier.nominee)}`;
    expect(nominees.has(nominee)).toBe(false);
    nominees.add(nominee);
    // Its account: the secretariat, or the head of the nominating unit.
    const user = agency.users.find((candidate) => candidate.username === dossier.by);
    expect(user).toBeDefined();
    if (user?.role === 'unit-head') {
      expect(user.unitScoped).toBe(true);
      expect(agency.people.find((person) => person.key === user.person)?.unit).toBe(dossier.unit);
    } else expect(user?.role).toBe('secretariat');
    for (const text of [dossier.achievementSummary, ...dossier.evidence])
      expect(text).toBe(text.normalize('NFC'));
  }
}

describe('the demo dossiers', () => {
  it('2021: Bắc Kạn dossiers of its units, all submitted, by the secretariat', () => {
    checkDossiers(BAC_KAN_DOSSIERS_2021, BAC_KAN_AGENCY);
    expect(BAC_KAN_DOSSIERS_2021.every((dossier) => dossier.submit)).toBe(true);
  });

  it('current year: drafts and submitted dossiers, individuals and a collective, of two units', () => {
    checkDossiers(THAI_NGUYEN_DOSSIERS, THAI_NGUYEN_AGENCY);
    const submitted = THAI_NGUYEN_DOSSIERS.filter((dossier) => dossier.submit);
    const drafts = THAI_NGUYEN_DOSSIERS.filter((dossier) => !dossier.submit);
    expect(submitted.length).toBeGreaterThanOrEqual(2);
    expect(drafts.length).toBeGreaterThanOrEqual(2);
    expect(new Set(THAI_NGUYEN_DOSSIERS.map((dossier) => dossier.unit)).size).toBe(2);
    expect(THAI_NGUYEN_DOSSIERS.some((dossier) => dossier.nominee.kind === 'collective')).toBe(
      true,
    );
    // Each unit's dossiers go in as its own head.
    expect(new Set(THAI_NGUYEN_DOSSIERS.map((dossier) => dossier.by)).size).toBe(2);
  });
});
