import type { DecisionIssuedV1, ProposalIssuedV1, SessionClosedV1 } from '@ttkt/contracts';
import { decisionDocuments, minutesDocuments, proposalDocuments } from './document-requests';

const names = {
  agencyName: 'Sở Khoa học và Công nghệ tỉnh Bắc Kạn',
  parentName: 'Ủy ban nhân dân tỉnh Bắc Kạn',
  tenantName: 'Tỉnh Bắc Kạn',
};

const awardee = (nominationId: string, nominee: Record<string, unknown>) => ({
  nominationId,
  nominee,
  personId: nominee['kind'] === 'individual' ? `p-${nominationId}` : null,
  unitId: nominee['kind'] === 'collective' ? 'u-1' : null,
  nominatingUnitId: 'u-1',
  achievementSummary: 'Hoàn thành xuất sắc nhiệm vụ',
  goldenBookNumber: 7,
});

const decision = {
  decisionId: 'd-1',
  campaignId: 'c-1',
  agencyId: 'a-1',
  awardFormCode: 'GIAY_KHEN_GD_SO',
  awardFormName: 'Giấy khen của Giám đốc Sở',
  number: '28/QĐ-SKHCN',
  registerNumber: 28,
  year: 2021,
  decidedOn: '2021-05-17',
  awardees: [
    awardee('n-1', { kind: 'collective', unitId: 'u-1', unitName: 'Phòng Quản lý công nghệ' }),
    awardee('n-2', { kind: 'individual', fullName: 'Nguyễn Thị Lan' }),
  ],
} as unknown as DecisionIssuedV1;

describe('decisionDocuments', () => {
  const planned = decisionDocuments('bac-kan', decision, names, '2021-05-14');

  it('asks for the decision, then a certificate per awardee in the annex’s order', () => {
    expect(
      planned.map(({ facts, sequence }) => [
        facts.kind,
        sequence,
        facts.title,
        facts.subjectPersonId,
        facts.number,
        facts.issuedOn,
      ]),
    ).toEqual([
      [
        'decision',
        0,
        'Quyết định số 28/QĐ-SKHCN – Giấy khen của Giám đốc Sở',
        null,
        '28/QĐ-SKHCN',
        '2021-05-17',
      ],
      ['certificate', 1, 'Giấy khen – Phòng Quản lý công nghệ', null, '28/QĐ-SKHCN', '2021-05-17'],
      ['certificate', 2, 'Giấy khen – Nguyễn Thị Lan', 'p-n-2', '28/QĐ-SKHCN', '2021-05-17'],
    ]);
    expect(new Set(planned.map(({ facts }) => facts.documentId)).size).toBe(3);
  });

  it('gives each certificate the decision with its own awardee only', () => {
    const [, , lan] = planned;
    expect(lan?.input).toMatchObject({ kind: 'certificate', names });
    const input = lan?.input as { decision: DecisionIssuedV1 };
    expect(input.decision.awardees.map((one) => one.nominationId)).toEqual(['n-2']);
    expect(input.decision.number).toBe('28/QĐ-SKHCN');
    expect(planned[0]?.input).toMatchObject({ kind: 'decision', sessionHeldOn: '2021-05-14' });
  });

  it('names the same documents for the same decision, others in another tenant', () => {
    const again = decisionDocuments('bac-kan', decision, names, null);
    expect(again.map(({ facts }) => facts.documentId)).toEqual(
      planned.map(({ facts }) => facts.documentId),
    );
    const elsewhere = decisionDocuments('thai-nguyen', decision, names, null);
    expect(elsewhere[0]?.facts.documentId).not.toBe(planned[0]?.facts.documentId);
  });
});

describe('proposalDocuments and minutesDocuments', () => {
  it('asks for the proposal letter and its summary list', () => {
    const proposal = {
      proposalId: 'p-1',
      campaignId: 'c-1',
      agencyId: 'a-1',
      awardFormName: 'Bằng khen của Chủ tịch UBND tỉnh',
      number: '05/TTr-SKHCN',
      proposedOn: '2021-05-25',
      nominees: [],
    } as unknown as ProposalIssuedV1;
    expect(
      proposalDocuments('bac-kan', proposal, names, null).map(({ facts }) => [
        facts.kind,
        facts.title,
        facts.source,
      ]),
    ).toEqual([
      [
        'proposal',
        'Tờ trình số 05/TTr-SKHCN – Bằng khen của Chủ tịch UBND tỉnh',
        { kind: 'proposal', id: 'p-1' },
      ],
      [
        'summary-list',
        'Danh sách trích ngang kèm Tờ trình số 05/TTr-SKHCN',
        { kind: 'proposal', id: 'p-1' },
      ],
    ]);
  });

  it('asks for the minutes, without a number, dated the day of the session', () => {
    const session = {
      sessionId: 's-1',
      campaignId: 'c-1',
      agencyId: 'a-1',
      heldOn: '2021-05-04',
    } as unknown as SessionClosedV1;
    const [minutes] = minutesDocuments('bac-kan', session, names, { campaign: null, nominees: {} });
    expect(minutes?.facts).toMatchObject({
      kind: 'minutes',
      number: null,
      issuedOn: '2021-05-04',
      title: 'Biên bản họp Hội đồng Thi đua – Khen thưởng ngày 4/5/2021',
    });
    expect(minutes?.input).toMatchObject({ kind: 'minutes', members: {}, campaign: null });
  });
});
