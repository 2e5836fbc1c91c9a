import { BAC_KAN_PLAN_2021 } from './bac-kan-plan';
import { BAC_KAN_AGENCY, THAI_NGUYEN_AGENCY } from './directory-data';
import { currentPlan } from './load-demo';
import { addDays, daysBetween, localDate, shiftPlanDates } from './shift-plan';

interface Plan {
  title: string;
  basis: string[];
  period: { from: string; to: string };
  preamble: string;
  awardForms: Array<{
    unitStage: { before: string; beforeWording: string };
    proposalStage?: { before: string; beforeWording: string; to: { name: string } };
    procedureText: string;
  }>;
  signer: { name: string };
}

describe('shiftPlanDates', () => {
  it('moves ISO dates, dates inside texts (keeping their padding) and lone years by one offset', () => {
    const shifted = shiftPlanDates(
      {
        period: { from: '2021-02-04', to: '2021-05-10' },
        text: 'từ ngày 04/02/2021 đến hết ngày 10/5/2021, trước 12/5/2021',
        years: 'năm 2021; nhiệm kỳ 2021-2026; khóa XV',
        yearly: 'Ngày Khoa học và Công nghệ Việt Nam (18/5)',
        count: 3,
      },
      '2021-03-30',
      '2026-11-26',
    );
    const days = daysBetween('2021-03-30', '2026-11-26');
    expect(shifted).toEqual({
      period: { from: addDays('2021-02-04', days), to: addDays('2021-05-10', days) },
      text: 'từ ngày 03/10/2026 đến hết ngày 6/1/2027, trước 8/1/2027',
      years: 'năm 2026; nhiệm kỳ 2026-2031; khóa XVI',
      yearly: 'Ngày Khoa học và Công nghệ Việt Nam (18/5)',
      count: 3,
    });
    expect(addDays('2021-02-04', days)).toBe('2026-10-03');
  });

  it('changes nothing for an offset of zero', () => {
    expect(shiftPlanDates(BAC_KAN_PLAN_2021, '2021-03-30', '2021-03-30')).toEqual(
      BAC_KAN_PLAN_2021,
    );
  });

  it('reads today in Asia/Ho_Chi_Minh', () => {
    expect(localDate(new Date('2026-06-30T17:30:00Z'))).toBe('2026-07-01');
  });
});

describe('the current demo plan', () => {
  it('is issued today with every deadline ahead and the texts consistent with its dates', () => {
    const plan = currentPlan('2026-11-26', 'Nguyễn Văn Thành') as unknown as Plan;
    expect(plan.period.from < '2026-11-26').toBe(true);
    for (const form of plan.awardForms) {
      expect(form.unitStage.before > '2026-11-26').toBe(true);
      const [year, month, day] = form.unitStage.before.split('-').map(Number);
      expect(form.unitStage.beforeWording).toBe(`trước ${day}/${month}/${year}`);
      const last = (form.proposalStage ?? form.unitStage).before.split('-').map(Number);
      expect(form.procedureText).toContain(`${last[2]}/${last[1]}/${last[0]}.`);
      if (form.proposalStage) {
        expect(form.proposalStage.before > form.unitStage.before).toBe(true);
        expect(form.proposalStage.to.name).toContain('tỉnh Thái Nguyên');
      }
    }
    expect(plan.title).toContain('nhiệm kỳ 2026-2031');
    expect(plan.basis[0]).toContain('ngày 29/10/2026');
    expect(JSON.stringify(plan)).not.toMatch(/Bắc Kạn|2021/);
    expect(plan.signer.name).toBe('Nguyễn Văn Thành');
  });
});

describe('the demo directory', () => {
  it('holds NFC text only, both genders and valid dates of birth', () => {
    const people = [...BAC_KAN_AGENCY.people, ...THAI_NGUYEN_AGENCY.people];
    expect(THAI_NGUYEN_AGENCY.people.length).toBeGreaterThanOrEqual(30);
    for (const person of people) {
      expect(person.fullName).toBe(person.fullName.normalize('NFC'));
      expect(person.position).toBe(person.position.normalize('NFC'));
      expect(Number.isNaN(Date.parse(person.dateOfBirth))).toBe(false);
    }
    expect(new Set(people.map((person) => person.gender))).toEqual(new Set(['male', 'female']));
    const roles = THAI_NGUYEN_AGENCY.users.map((user) => user.role).sort();
    expect(roles).toEqual(
      [
        'agency-admin',
        'agency-head',
        'council-member',
        'registry-clerk',
        'secretariat',
        'unit-head',
        'unit-head',
        'viewer',
      ].sort(),
    );
    // The two unit heads head different units, each for its own unit only.
    const unitHeads = THAI_NGUYEN_AGENCY.users.filter((user) => user.role === 'unit-head');
    expect(unitHeads.every((user) => user.unitScoped)).toBe(true);
    const headedUnits = unitHeads.map(
      (user) => THAI_NGUYEN_AGENCY.people.find((person) => person.key === user.person)?.unit,
    );
    expect(new Set(headedUnits).size).toBe(unitHeads.length);
    const units = new Set(THAI_NGUYEN_AGENCY.units.map((unit) => unit.code));
    for (const person of THAI_NGUYEN_AGENCY.people) expect(units.has(person.unit)).toBe(true);
  });

  it('keeps the fixture verbatim in NFC', () => {
    const text = JSON.stringify(BAC_KAN_PLAN_2021);
    expect(text).toBe(text.normalize('NFC'));
  });
});
