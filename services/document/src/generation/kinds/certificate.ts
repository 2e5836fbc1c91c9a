import type { CertificateModel } from '../model';
import { normalizeText } from './collation';
import {
  addressedName,
  headTitleOf,
  nfcDeep,
  positionAndUnit,
  printedNominee,
  sentence,
  signatureBlock,
} from './common';
import { shortDate } from './dates';
import { awardNameOf, titleCase, type DecisionInput } from './decision';
import { officialHeader, upper } from './names';

/**
 * One certificate (Giấy khen, A4 landscape) per awardee of a decision, in the decision's order:
 * the head's title and the agency's full name (`GIÁM ĐỐC SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH BẮC KẠN`),
 * the award (`GIẤY KHEN`), `Ông`/`Bà` and the name for a person (the unit's name for a
 * collective), position and unit, the achievement, the decision's number and date, the
 * golden-book number, place and date, the signature.
 */
export function certificateModels(input: DecisionInput): CertificateModel[] {
  const { event, names } = nfcDeep(input);
  const signature = signatureBlock(event.signer);
  const issuerLine = `${headTitleOf(signature)} ${upper(names.agencyName)}`;
  const header = officialHeader(names, event.decidedOn, null);
  const awardName = awardNameOf(event.awardFormName);
  const decisionLine = `Quyết định số ${normalizeText(event.number)} ngày ${shortDate(event.decidedOn)}`;
  return event.awardees.map((awardee) => {
    const nominee = printedNominee(awardee.nominee);
    const recipientName = addressedName(nominee);
    const detail = positionAndUnit(nominee);
    return {
      kind: 'certificate',
      orientation: 'landscape',
      header,
      issuerLine,
      awardName,
      recipientName,
      recipientDetail: detail === '' ? null : detail,
      achievement: sentence(awardee.achievementSummary),
      decisionLine,
      goldenBookLine: `Số sổ vàng: ${awardee.goldenBookNumber ?? ''}`.trimEnd(),
      placeAndDate: header.placeAndDate,
      signature,
      meta: { date: event.decidedOn, title: `${titleCase(awardName)} - ${recipientName}` },
    };
  });
}
