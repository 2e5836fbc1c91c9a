import { flattenValidationErrors } from '@ttkt/messaging';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import {
  CastVoteDto,
  CloseSessionDto,
  ConfigureCouncilDto,
  DecideDto,
  isFraction,
  OpenSessionDto,
  ProposalOutcomeDto,
  ProposeDto,
  ReturnDossierDto,
  ReviewListQueryDto,
  RevokeDecisionDto,
  TieBreakDto,
} from './review.dto';

const CHAIR = '3f0c8a10-0000-4000-8000-000000000001';
const SECRETARY = '3f0c8a10-0000-4000-8000-000000000002';
const MEMBER = '3f0c8a10-0000-4000-8000-000000000003';
const DOSSIER = '5a1d7e20-0000-4000-8000-000000000010';

/** The failing paths as the gateway's strict pipe reports them (Nest's pipe allows field-less classes). */
function issues(type: new () => object, value: object) {
  const errors = validateSync(plainToInstance(type, value), {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: false,
  });
  return flattenValidationErrors(errors);
}

function council(rules: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    chairUserId: CHAIR,
    secretaryUserId: SECRETARY,
    memberUserIds: [CHAIR, SECRETARY, MEMBER],
    rules: {
      quorum: '2/3',
      minAttendance: '4/5',
      thresholds: [
        { fraction: '1/2', of: 'all-members', secretBallot: false },
        { awardFormCode: 'BANG_KHEN_UBND', fraction: '2/3', of: 'present', secretBallot: true },
      ],
      source: 'Quyết định số 12/QĐ-SKHCN, Điều 5',
      effectiveFrom: '2021-03-05',
      ...rules,
    },
  };
}

function decision(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    awardFormCode: 'GIAY_KHEN_GD_SO',
    nominationIds: [DOSSIER],
    decidedOn: '2021-12-15',
    signer: { capacity: 'KT.', title: 'PHÓ GIÁM ĐỐC', name: 'Nguyễn Văn A' },
    recipients: [{ name: 'Ban TĐKT tỉnh', purpose: 'b/c' }, { name: 'Lưu: VT' }],
    ...fields,
  };
}

describe('the review DTOs', () => {
  describe('fractions', () => {
    it.each(['1/2', '2/3', '4/5', '1/1', '1000/1000', '1/1000'])('accept %s', (fraction) => {
      expect(isFraction(fraction)).toBe(true);
    });

    it.each([
      ['0/3', 'nothing'],
      ['3/2', 'more than everyone'],
      ['1/0', 'a zero denominator'],
      ['01/2', 'a leading zero'],
      ['1/1001', 'a denominator above 1000'],
      ['1.5/2', 'a decimal'],
      ['-1/2', 'a sign'],
      [' 1/2', 'a space'],
      ['1/2/3', 'three parts'],
      ['0.5', 'a decimal number'],
      ['', 'nothing at all'],
    ])('refuse %j (%s)', (fraction) => {
      expect(isFraction(fraction)).toBe(false);
    });

    it('refuse a non-string fraction', () => {
      expect(isFraction(0.5)).toBe(false);
      expect(isFraction(null)).toBe(false);
    });

    it('report a bad fraction at its path with isFraction', () => {
      expect(issues(ConfigureCouncilDto, council())).toEqual([]);
      const bad = council({
        quorum: '3/2',
        minAttendance: '0/5',
        thresholds: [{ fraction: '1/0', of: 'all-members', secretBallot: false }],
      });
      expect(issues(ConfigureCouncilDto, bad)).toEqual(
        expect.arrayContaining([
          { path: 'rules.quorum', message: 'isFraction' },
          { path: 'rules.minAttendance', message: 'isFraction' },
          { path: 'rules.thresholds[0].fraction', message: 'isFraction' },
        ]),
      );
    });

    it('let the optional rules be left out (the service applies its defaults)', () => {
      const rules = {
        thresholds: [{ fraction: '1/2', of: 'present', secretBallot: false }],
        source: 'Quy chế hội đồng',
      };
      expect(issues(ConfigureCouncilDto, { ...council(), rules })).toEqual([]);
      expect(
        issues(ConfigureCouncilDto, { ...council(), rules: { ...rules, minAttendance: null } }),
      ).toEqual([]);
    });
  });

  describe('strictness', () => {
    it('refuse unknown fields at their path, however deep', () => {
      const body = council() as { rules: { thresholds: Record<string, unknown>[] } };
      body.rules.thresholds[0]!.weight = 2;
      expect(issues(ConfigureCouncilDto, { ...body, members: [] })).toEqual(
        expect.arrayContaining([
          { path: 'members', message: 'whitelistValidation' },
          { path: 'rules.thresholds[0].weight', message: 'whitelistValidation' },
        ]),
      );
      expect(issues(DecideDto, decision({ number: '05/QĐ-SKHCN' }))).toEqual([
        { path: 'number', message: 'whitelistValidation' },
      ]);
      expect(
        issues(DecideDto, decision({ signer: { title: 'GIÁM ĐỐC', name: 'A', seal: true } })),
      ).toEqual([{ path: 'signer.seal', message: 'whitelistValidation' }]);
    });

    it('refuse any field on the bodies that take none', () => {
      expect(issues(CloseSessionDto, {})).toEqual([]);
      expect(issues(CloseSessionDto, { force: true })).toEqual([
        { path: 'force', message: 'whitelistValidation' },
      ]);
    });

    it('take a vote as a nomination id and a boolean, nothing else (no voter)', () => {
      expect(issues(CastVoteDto, { nominationId: DOSSIER, approve: false })).toEqual([]);
      expect(issues(CastVoteDto, { nominationId: DOSSIER, approve: 'yes' })).toEqual([
        { path: 'approve', message: 'isBoolean' },
      ]);
      expect(
        issues(CastVoteDto, { nominationId: DOSSIER, approve: true, voterUserId: MEMBER }),
      ).toEqual([{ path: 'voterUserId', message: 'whitelistValidation' }]);
      expect(issues(CastVoteDto, { nominationId: 'hồ sơ 1', approve: true })).toEqual([
        { path: 'nominationId', message: 'isUuid' },
      ]);
    });

    it('refuse an unknown denominator, a duplicate member, a non-UUID user and no threshold', () => {
      const body = council({
        thresholds: [{ fraction: '1/2', of: 'everyone', secretBallot: false }],
      });
      expect(issues(ConfigureCouncilDto, body)).toEqual([
        { path: 'rules.thresholds[0].of', message: 'isIn' },
      ]);
      expect(
        issues(ConfigureCouncilDto, { ...council(), memberUserIds: [CHAIR, CHAIR, 'nva'] }),
      ).toEqual(
        expect.arrayContaining([
          { path: 'memberUserIds', message: 'arrayUnique' },
          { path: 'memberUserIds', message: 'isUuid' },
        ]),
      );
      expect(issues(ConfigureCouncilDto, council({ thresholds: [] }))).toEqual([
        { path: 'rules.thresholds', message: 'arrayMinSize' },
      ]);
      const { rules: _rules, ...withoutRules } = council();
      expect(issues(ConfigureCouncilDto, withoutRules)).toEqual(
        expect.arrayContaining([{ path: 'rules', message: 'isDefined' }]),
      );
    });

    it('need at least one reason to return a dossier, and one dossier to decide', () => {
      expect(issues(ReturnDossierDto, { reasons: ['Thiếu biên bản'] })).toEqual([]);
      expect(issues(ReturnDossierDto, { reasons: [] })).toEqual([
        { path: 'reasons', message: 'arrayMinSize' },
      ]);
      expect(issues(ReturnDossierDto, { reasons: [''] })).toEqual([
        { path: 'reasons', message: 'isNotEmpty' },
      ]);
      expect(issues(DecideDto, decision({ nominationIds: [] }))).toEqual([
        { path: 'nominationIds', message: 'arrayMinSize' },
      ]);
    });

    it('accept a decision with its optional signer and recipients left out, and check them when given', () => {
      expect(issues(DecideDto, decision())).toEqual([]);
      const { signer: _s, recipients: _r, ...bare } = decision();
      expect(issues(DecideDto, bare)).toEqual([]);
      expect(
        issues(DecideDto, decision({ signer: { capacity: 'THAY', title: 'GĐ', name: 'A' } })),
      ).toEqual([{ path: 'signer.capacity', message: 'isIn' }]);
      expect(issues(DecideDto, decision({ recipients: [{ purpose: 'b/c' }] }))).toEqual(
        expect.arrayContaining([{ path: 'recipients[0].name', message: 'isString' }]),
      );
      expect(issues(DecideDto, decision({ awardFormCode: 'giay khen' }))).toEqual([
        { path: 'awardFormCode', message: 'matches' },
      ]);
    });

    it('take a tie-break as a form, the chosen dossiers and a reason', () => {
      const body = {
        awardFormCode: 'GIAY_KHEN_GD_SO',
        chosenNominationIds: [DOSSIER],
        reason: 'Ưu tiên nữ theo khoản 6 Điều 4 Nghị định 152/2025/NĐ-CP',
      };
      expect(issues(TieBreakDto, body)).toEqual([]);
      expect(issues(TieBreakDto, { ...body, chosenNominationIds: [DOSSIER, DOSSIER] })).toEqual([
        { path: 'chosenNominationIds', message: 'arrayUnique' },
      ]);
      expect(issues(TieBreakDto, { ...body, reason: '' })).toEqual([
        { path: 'reason', message: 'isNotEmpty' },
      ]);
    });

    it('refuse texts blank once trimmed, at their path (they would print nothing)', () => {
      const blank = ' \t\u00a0';
      expect(issues(ReturnDossierDto, { reasons: ['Thiếu biên bản', blank] })).toEqual([
        { path: 'reasons', message: 'matches' },
      ]);
      expect(
        issues(TieBreakDto, {
          awardFormCode: 'GIAY_KHEN_GD_SO',
          chosenNominationIds: [DOSSIER],
          reason: blank,
        }),
      ).toEqual([{ path: 'reason', message: 'matches' }]);
      expect(issues(RevokeDecisionDto, { reason: blank })).toEqual([
        { path: 'reason', message: 'matches' },
      ]);
      expect(issues(RevokeDecisionDto, { reason: ' Sai sót ' })).toEqual([]);
      expect(
        issues(ProposalOutcomeDto, {
          approvedNominationIds: [],
          decisionNumber: blank,
          decidedOn: '2021-12-28',
        }),
      ).toEqual([{ path: 'decisionNumber', message: 'matches' }]);
      expect(
        issues(
          DecideDto,
          decision({ signer: { title: blank, name: ' ' }, recipients: [{ name: blank }] }),
        ),
      ).toEqual([
        { path: 'signer.title', message: 'matches' },
        { path: 'signer.name', message: 'matches' },
        { path: 'recipients[0].name', message: 'matches' },
      ]);
      // An optional purpose may be empty: it is left out.
      expect(issues(DecideDto, decision({ recipients: [{ name: 'Lưu', purpose: '' }] }))).toEqual(
        [],
      );
    });

    it('bound list queries', () => {
      expect(issues(ReviewListQueryDto, { limit: '20', cursor: 'abc' })).toEqual([]);
      expect(issues(ReviewListQueryDto, { limit: '0' })).toEqual([
        { path: 'limit', message: 'min' },
      ]);
      expect(issues(ReviewListQueryDto, { limit: '500' })).toEqual([
        { path: 'limit', message: 'max' },
      ]);
      expect(issues(ReviewListQueryDto, { minPosition: 'review:12.3' })).toEqual([]);
      expect(issues(ReviewListQueryDto, { minPosition: 'soon' })).toEqual([
        { path: 'minPosition', message: 'matches' },
      ]);
    });
  });

  describe('dates', () => {
    const session = {
      heldOn: '2021-12-10',
      presentUserIds: [CHAIR, SECRETARY],
      awardFormCodes: ['GIAY_KHEN_GD_SO'],
    };

    it('accept real YYYY-MM-DD dates', () => {
      expect(issues(OpenSessionDto, session)).toEqual([]);
      expect(issues(OpenSessionDto, { ...session, heldOn: '2024-02-29' })).toEqual([]);
      expect(issues(ReturnDossierDto, { reasons: ['x'], resubmitBefore: '2021-11-20' })).toEqual(
        [],
      );
      expect(issues(ReturnDossierDto, { reasons: ['x'], resubmitBefore: null })).toEqual([]);
    });

    it.each([
      ['2021-02-30', 'isIso8601'],
      ['2023-02-29', 'isIso8601'],
      ['2021-13-01', 'isIso8601'],
    ])('refuse a day that does not exist: %s', (heldOn, message) => {
      expect(issues(OpenSessionDto, { ...session, heldOn })).toEqual([{ path: 'heldOn', message }]);
    });

    it.each(['10/12/2021', '2021-12-10T00:00:00+07:00', '20211210', '2021-1-5'])(
      'refuse another form: %s',
      (heldOn) => {
        expect(issues(OpenSessionDto, { ...session, heldOn })).toEqual(
          expect.arrayContaining([{ path: 'heldOn', message: 'matches' }]),
        );
      },
    );

    it('refuse a date that is no string', () => {
      expect(issues(OpenSessionDto, { ...session, heldOn: 20211210 })).toEqual(
        expect.arrayContaining([{ path: 'heldOn', message: 'matches' }]),
      );
    });

    it('number decisions and proposals only on days a register holds (1900 to 2999)', () => {
      expect(issues(DecideDto, decision({ decidedOn: '1899-12-31' }))).toEqual([
        { path: 'decidedOn', message: 'minDate' },
      ]);
      expect(issues(DecideDto, decision({ decidedOn: '3000-01-01' }))).toEqual([
        { path: 'decidedOn', message: 'maxDate' },
      ]);
      const { decidedOn: _d, ...proposal } = decision();
      expect(issues(ProposeDto, proposal)).toEqual([]);
      expect(issues(ProposeDto, { ...proposal, proposedOn: '2021-12-16' })).toEqual([]);
      expect(issues(ProposeDto, { ...proposal, proposedOn: '1800-01-01' })).toEqual([
        { path: 'proposedOn', message: 'minDate' },
      ]);
      expect(issues(ProposeDto, { ...proposal, decidedOn: '2021-12-16' })).toEqual([
        { path: 'decidedOn', message: 'whitelistValidation' },
      ]);
    });

    it('need the outcome’s decision date and number', () => {
      const outcome = {
        approvedNominationIds: [DOSSIER],
        decisionNumber: '2456/QĐ-UBND',
        decidedOn: '2021-12-28',
      };
      expect(issues(ProposalOutcomeDto, outcome)).toEqual([]);
      expect(issues(ProposalOutcomeDto, { ...outcome, approvedNominationIds: [] })).toEqual([]);
      expect(issues(ProposalOutcomeDto, { ...outcome, decidedOn: '2021-02-29' })).toEqual([
        { path: 'decidedOn', message: 'isIso8601' },
      ]);
      const { decisionNumber: _n, ...withoutNumber } = outcome;
      expect(issues(ProposalOutcomeDto, withoutNumber)).toEqual(
        expect.arrayContaining([{ path: 'decisionNumber', message: 'isString' }]),
      );
    });

    it('check the council’s effectiveFrom', () => {
      expect(issues(ConfigureCouncilDto, council({ effectiveFrom: '2021-04-31' }))).toEqual([
        { path: 'rules.effectiveFrom', message: 'isIso8601' },
      ]);
    });
  });
});
