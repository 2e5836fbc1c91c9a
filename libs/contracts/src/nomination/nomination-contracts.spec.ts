import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { REVIEW_EVENTS, REVIEW_DOSSIER_RETURNED_V1 } from '../review';
import { NominateCommand, NOMINATION_EVENTS, NOMINATION_STATUS_CHANGED_V1 } from '.';

const strict = { whitelist: true, forbidNonWhitelisted: true };
const errorsOf = (type: new () => object, plain: object) =>
  validateSync(plainToInstance(type, plain), strict);

const nominate = {
  context: {
    tenantId: 't',
    actor: { kind: 'user', id: 'u' },
    correlationId: 'c',
  },
  nominationId: 'n-1',
  campaignId: 'c-1',
  awardFormCode: 'GIAY_KHEN_GD_SO',
  nominatingUnitId: 'u-ttud',
  nominee: { kind: 'individual', personId: 'p-lan' },
  achievementSummary: 'Hoàn thành xuất sắc nhiệm vụ',
  criteria: [{ criterion: 'Hoàn thành xuất sắc nhiệm vụ', met: true }],
};

describe('the nomination contracts', () => {
  it('take a nomination of a person or a unit, and refuse a nominee without its id', () => {
    expect(errorsOf(NominateCommand, nominate)).toEqual([]);
    expect(
      errorsOf(NominateCommand, { ...nominate, nominee: { kind: 'collective', unitId: 'u-pkt' } }),
    ).toEqual([]);
    expect(errorsOf(NominateCommand, { ...nominate, nominee: { kind: 'individual' } })).not.toEqual(
      [],
    );
    expect(errorsOf(NominateCommand, { ...nominate, extra: 1 })).not.toEqual([]);
  });

  it('publish one status-changed event for every change, drafting included', () => {
    const type = NOMINATION_EVENTS[NOMINATION_STATUS_CHANGED_V1] as new () => object;
    const base = {
      nominationId: 'n-1',
      campaignId: 'c-1',
      agencyId: 'a',
      awardFormCode: 'F',
      nominatingUnitId: 'u',
      at: '2021-05-05T02:00:00.000Z',
    };
    expect(errorsOf(type, { ...base, status: 'draft', previousStatus: null })).toEqual([]);
    expect(errorsOf(type, { ...base, status: 'done', previousStatus: 'draft' })).not.toEqual([]);
  });

  it('consume review’s return with its reasons and an optional later deadline', () => {
    const type = REVIEW_EVENTS[REVIEW_DOSSIER_RETURNED_V1] as new () => object;
    const base = { nominationId: 'n-1', campaignId: 'c-1', at: '2021-05-08T02:00:00.000Z' };
    expect(errorsOf(type, { ...base, reasons: ['Thiếu chữ ký'], resubmitBefore: null })).toEqual(
      [],
    );
    expect(
      errorsOf(type, {
        ...base,
        reasons: ['Thiếu chữ ký'],
        resubmitBefore: '2021-05-16T00:00:00+07:00',
      }),
    ).toEqual([]);
    expect(errorsOf(type, { ...base, reasons: [''], resubmitBefore: null })).not.toEqual([]);
  });
});
