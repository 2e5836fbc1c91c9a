import { refusalOf } from '@ttkt/testing';
import {
  ACTOR,
  CUTOFF,
  FORM,
  HOLD,
  NOMINATION_ID,
  UNITS,
  at,
  campaign,
  completeDraft,
  given,
  history,
  person,
  submittedThen,
  then,
  unit,
} from '../nomination.spec-fixture';
import type { ExistingNomination, NominationState } from '../nomination.state';
import { decideSubmit, type SubmitNomination } from './submit-nomination.decide';

const command: SubmitNomination = {
  type: 'SubmitNomination',
  nominationId: NOMINATION_ID,
  campaign: campaign(),
  nomineeFacts: person(),
  units: UNITS,
  openHolds: [],
  actor: ACTOR,
  now: at('2021-05-05T09:00:00+07:00'),
};
const submit = (state: NominationState, changes: Partial<SubmitNomination> = {}) =>
  decideSubmit({ ...command, ...changes }, state);

describe('a complete draft before the unit stage cut-off', () => {
  it('accepts a submission at 2021-05-11T23:59:59.999+07:00: submitted, with the snapshot taken now', () => {
    const draft = completeDraft();
    const events = submit(draft, { now: at('2021-05-11T23:59:59.999+07:00') });
    expect(events).toEqual([
      {
        type: 'NominationSubmitted',
        data: {
          nominationId: NOMINATION_ID,
          at: '2021-05-11T16:59:59.999Z',
          by: ACTOR,
          snapshot: {
            kind: 'individual',
            fullName: 'Nguyễn Thị Lan',
            dateOfBirth: '1985-03-14',
            gender: 'female',
            position: 'Tổ trưởng',
            unitId: 'u-to1',
            unitName: 'Tổ 1',
          },
          resubmission: false,
          cutoff: CUTOFF,
        },
      },
    ]);
    const state = then(draft, events) as ExistingNomination;
    expect(state).toEqual(
      expect.objectContaining({ status: 'submitted', submittedAt: '2021-05-11T16:59:59.999Z' }),
    );
  });

  it('takes the same instant written in UTC: the process time zone plays no part', () => {
    expect(submit(completeDraft(), { now: at('2021-05-11T16:59:59.999Z') })).toHaveLength(1);
  });

  it('snapshots a collective as its unit’s name', () => {
    const draft = given([history.drafted('collective'), ...history.allAttached()]);
    const [event] = submit(draft, { nomineeFacts: unit('u-pkt', 'Phòng Kỹ thuật') });
    expect(event?.type === 'NominationSubmitted' && event.data.snapshot).toEqual({
      kind: 'collective',
      unitId: 'u-pkt',
      unitName: 'Phòng Kỹ thuật',
    });
  });
});

describe('before the unit stage cut-off', () => {
  it('refuses a submission received at 00:00 on the deadline day (2021-05-12T00:00:00+07:00): deadline-passed', () => {
    const refusal = refusalOf(() =>
      submit(completeDraft(), { now: at('2021-05-12T00:00:00+07:00') }),
    );
    expect(refusal.code).toBe('deadline-passed');
    expect(refusal.params).toEqual({ awardFormCode: FORM, cutoff: CUTOFF });
  });

  it('refuses later on the deadline day and after it', () => {
    for (const late of ['2021-05-12T08:00:00+07:00', '2021-05-20T00:00:00Z']) {
      expect(refusalOf(() => submit(completeDraft(), { now: at(late) })).code).toBe(
        'deadline-passed',
      );
    }
  });

  it('refuses a late submission before looking at missing documents', () => {
    expect(
      refusalOf(() => submit(given([history.drafted()]), { now: at('2021-05-12T00:00:00+07:00') }))
        .code,
    ).toBe('deadline-passed');
  });
});

describe('after an amendment moved the unit stage cut-off', () => {
  const amended = campaign({}, '2021-05-15T00:00:00+07:00');

  it('accepts a submission after the original cut-off and before the amended one', () => {
    expect(
      submit(completeDraft(), { campaign: amended, now: at('2021-05-14T23:59:59.999+07:00') }),
    ).toHaveLength(1);
  });

  it('refuses at the amended cut-off', () => {
    expect(
      refusalOf(() =>
        submit(completeDraft(), { campaign: amended, now: at('2021-05-15T00:00:00+07:00') }),
      ).params,
    ).toEqual({ awardFormCode: FORM, cutoff: '2021-05-15T00:00:00+07:00' });
  });

  it('refuses after an amendment moved the cut-off earlier', () => {
    const earlier = campaign({}, '2021-05-10T00:00:00+07:00');
    expect(
      refusalOf(() =>
        submit(completeDraft(), { campaign: earlier, now: at('2021-05-10T00:00:00+07:00') }),
      ).code,
    ).toBe('deadline-passed');
  });
});

describe('a returned dossier', () => {
  it('accepts a resubmission after the unit stage cut-off when the return gave a later resubmitBefore', () => {
    const returned = submittedThen(history.returned('2021-05-16T00:00:00+07:00'));
    const events = submit(returned, { now: at('2021-05-15T10:00:00+07:00') });
    expect(events[0]?.data).toEqual(
      expect.objectContaining({ resubmission: true, cutoff: '2021-05-16T00:00:00+07:00' }),
    );
    expect(then(returned, events).status).toBe('submitted');
  });

  it('refuses a resubmission at the return’s resubmitBefore', () => {
    const returned = submittedThen(history.returned('2021-05-16T00:00:00+07:00'));
    expect(refusalOf(() => submit(returned, { now: at('2021-05-16T00:00:00+07:00') })).code).toBe(
      'deadline-passed',
    );
  });

  it('keeps the unit stage cut-off when the return gave none, or an earlier one', () => {
    for (const resubmitBefore of [null, '2021-05-09T00:00:00+07:00']) {
      const returned = submittedThen(history.returned(resubmitBefore));
      expect(submit(returned, { now: at('2021-05-11T23:59:59.999+07:00') })).toHaveLength(1);
      expect(
        refusalOf(() => submit(returned, { now: at('2021-05-12T00:00:00+07:00') })).params.cutoff,
      ).toBe(CUTOFF);
    }
  });

  it('does not extend the cut-off for a first submission (only a returned dossier has one)', () => {
    expect(
      refusalOf(() => submit(completeDraft(), { now: at('2021-05-15T10:00:00+07:00') })).code,
    ).toBe('deadline-passed');
  });
});

describe('with unit-stage documents missing', () => {
  it('refuses and lists the missing codes: missing-documents', () => {
    const draft = given([history.drafted(), history.attached('CONG_VAN_DE_NGHI')]);
    const refusal = refusalOf(() => submit(draft));
    expect(refusal.code).toBe('missing-documents');
    expect(refusal.params).toEqual({ missing: 'BIEN_BAN_HOP_XET,BAO_CAO_THANH_TICH' });
  });

  it('does not count OTHER documents', () => {
    const draft = given([
      history.drafted(),
      history.attached('CONG_VAN_DE_NGHI'),
      history.attached('BIEN_BAN_HOP_XET'),
      history.attached('OTHER'),
    ]);
    expect(refusalOf(() => submit(draft)).params).toEqual({ missing: 'BAO_CAO_THANH_TICH' });
  });

  it('counts a removed document as missing', () => {
    const draft = given([
      history.drafted(),
      ...history.allAttached(),
      {
        type: 'NominationDocumentRemoved',
        data: {
          nominationId: NOMINATION_ID,
          at: '2021-04-05T02:00:00.000Z',
          by: ACTOR,
          documentId: 'd-BIEN_BAN_HOP_XET',
          sha256: 'x',
        },
      },
    ]);
    expect(refusalOf(() => submit(draft)).params).toEqual({ missing: 'BIEN_BAN_HOP_XET' });
  });
});

describe('a person with an open hold', () => {
  it('cannot be submitted: nominee-on-hold', () => {
    const refusal = refusalOf(() => submit(completeDraft(), { openHolds: [HOLD] }));
    expect(refusal.code).toBe('nominee-on-hold');
    expect(refusal.params).toEqual({ personId: 'p-lan', holdIds: 'h-1' });
  });

  it('can be submitted once the hold is closed', () => {
    expect(submit(completeDraft(), { openHolds: [] })).toHaveLength(1);
  });
});

describe('eligibility at submission', () => {
  it('refuses a person who has since moved out of the nominating unit: nominee-not-eligible', () => {
    const refusal = refusalOf(() =>
      submit(completeDraft(), { nomineeFacts: person({ unitId: 'u-vp', unitName: 'Văn phòng' }) }),
    );
    expect(refusal.code).toBe('nominee-not-eligible');
    expect(refusal.params.reason).toBe('outside-unit');
  });
});

describe('when the campaign is no longer open', () => {
  it('refuses a submission to a closed campaign: campaign-not-open', () => {
    expect(
      refusalOf(() => submit(completeDraft(), { campaign: campaign({ status: 'closed' }) })).code,
    ).toBe('campaign-not-open');
  });
});

describe('the snapshot taken at submission', () => {
  it('keeps the name, date of birth, gender, position and unit as of submission (NFC)', () => {
    const draft = completeDraft();
    const events = submit(draft, {
      nomineeFacts: person({ fullName: 'Nguyễn Thị Lan'.normalize('NFD') }),
    });
    const submitted = then(draft, events) as ExistingNomination;
    expect(submitted.snapshot).toEqual(
      expect.objectContaining({
        fullName: 'Nguyễn Thị Lan',
        position: 'Tổ trưởng',
        unitName: 'Tổ 1',
      }),
    );
    // A later personnel change reaches no event of the dossier: review's outcome keeps it.
    const accepted = then(submitted, [history.accepted()]) as ExistingNomination;
    expect(accepted.snapshot).toEqual(submitted.snapshot);
  });

  it('takes the nominee as of the resubmission after a return', () => {
    const returned = submittedThen(history.returned());
    const [event] = submit(returned, { nomineeFacts: person({ position: 'Phó Giám đốc' }) });
    expect(event?.type === 'NominationSubmitted' && event.data.snapshot).toEqual(
      expect.objectContaining({ position: 'Phó Giám đốc' }),
    );
  });
});

describe('a dossier not in draft or returned', () => {
  it.each([
    ['submitted', () => submittedThen()],
    ['accepted', () => submittedThen(history.accepted())],
    ['withdrawn', () => given([history.drafted(), ...history.allAttached(), history.withdrawn()])],
  ])('refuses to submit a %s dossier: invalid-state', (status, state) => {
    const refusal = refusalOf(() => submit(state()));
    expect(refusal.code).toBe('invalid-state');
    expect(refusal.params).toEqual({ nominationId: NOMINATION_ID, status });
  });

  it('refuses the second of two submits of the same dossier', () => {
    const draft = completeDraft();
    const once = then(draft, submit(draft));
    expect(refusalOf(() => submit(once)).code).toBe('invalid-state');
  });
});

describe('two rounds: returned, a document replaced, resubmitted', () => {
  it('keeps both submissions in the stream, each with its actor and instant', () => {
    const returned = submittedThen(history.returned());
    const replaced = then(returned, [
      {
        type: 'NominationDocumentRemoved',
        data: {
          nominationId: NOMINATION_ID,
          at: '2021-05-09T02:00:00.000Z',
          by: ACTOR,
          documentId: 'd-BIEN_BAN_HOP_XET',
          sha256: 'x',
        },
      },
      history.attached('BIEN_BAN_HOP_XET', 'd-bien-ban-2'),
    ]);
    const events = submit(replaced, { now: at('2021-05-10T09:00:00+07:00') });
    const state = then(replaced, events) as ExistingNomination;
    expect(state).toEqual(
      expect.objectContaining({
        status: 'submitted',
        submissions: 2,
        submittedAt: '2021-05-10T02:00:00.000Z',
        version: 9,
      }),
    );
    expect(state.documents.map((doc) => doc.documentId)).toContain('d-bien-ban-2');
  });
});
