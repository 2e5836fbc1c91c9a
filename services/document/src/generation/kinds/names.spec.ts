import { BAC_KAN_2021, THAI_NGUYEN_2026 } from './kinds.spec-fixture';
import {
  agencyShortName,
  issuingBody,
  officialHeader,
  parentBody,
  placeName,
  upper,
  withProvince,
} from './names';

describe('header lines from the names in force', () => {
  it('gives the 2021 plan’s header from the Bắc Kạn names', () => {
    expect(officialHeader(BAC_KAN_2021, '2021-03-30', '27/KH-SKHCN')).toEqual({
      parentBody: 'UBND TỈNH BẮC KẠN',
      issuingBody: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ',
      numberLine: 'Số: 27/KH-SKHCN',
      placeAndDate: 'Bắc Kạn, ngày 30 tháng 3 năm 2021',
    });
  });

  it('gives the Thái Nguyên names after the merger', () => {
    expect(officialHeader(THAI_NGUYEN_2026, '2026-01-05', '01/QĐ-SKHCN')).toEqual({
      parentBody: 'UBND TỈNH THÁI NGUYÊN',
      issuingBody: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ',
      numberLine: 'Số: 01/QĐ-SKHCN',
      placeAndDate: 'Thái Nguyên, ngày 05 tháng 01 năm 2026',
    });
  });

  it('leaves the number line empty for a document without a number', () => {
    expect(officialHeader(BAC_KAN_2021, '2021-05-17', null).numberLine).toBe('');
  });

  it('drops the province from the agency’s name only when it ends with it', () => {
    expect(agencyShortName(BAC_KAN_2021)).toBe('Sở Khoa học và Công nghệ');
    expect(agencyShortName({ ...BAC_KAN_2021, agencyName: 'Ban Quản lý dự án' })).toBe(
      'Ban Quản lý dự án',
    );
    expect(issuingBody({ ...BAC_KAN_2021, agencyName: 'Ban Quản lý dự án' })).toBe(
      'BAN QUẢN LÝ DỰ ÁN',
    );
  });

  it('abbreviates a people’s committee (either tone placement); without a parent, the province’s committee', () => {
    expect(parentBody({ ...BAC_KAN_2021, parentName: 'Uỷ ban nhân dân tỉnh Bắc Kạn' })).toBe(
      'UBND TỈNH BẮC KẠN',
    );
    expect(parentBody({ ...BAC_KAN_2021, parentName: 'Bộ Khoa học và Công nghệ' })).toBe(
      'BỘ KHOA HỌC VÀ CÔNG NGHỆ',
    );
    expect(parentBody({ ...BAC_KAN_2021, parentName: null })).toBe('UBND TỈNH BẮC KẠN');
    expect(parentBody({ ...BAC_KAN_2021, parentName: null, tenantName: 'Bộ Nội vụ' })).toBeNull();
  });

  it('names the place without the kind of locality', () => {
    expect(placeName(BAC_KAN_2021)).toBe('Bắc Kạn');
    expect(placeName({ ...BAC_KAN_2021, tenantName: 'Thành phố Hà Nội' })).toBe('Hà Nội');
  });

  it('writes capitals in NFC, whatever the input form', () => {
    const result = upper('Sở Khoa học và Công nghệ'.normalize('NFD'));
    expect(result).toBe('SỞ KHOA HỌC VÀ CÔNG NGHỆ');
    expect(result).toBe(result.normalize('NFC'));
  });

  it('names a provincial authority’s province', () => {
    expect(withProvince('Chủ tịch UBND tỉnh', BAC_KAN_2021)).toBe('Chủ tịch UBND tỉnh Bắc Kạn');
    expect(withProvince('Bộ trưởng Bộ Nội vụ', BAC_KAN_2021)).toBe('Bộ trưởng Bộ Nội vụ');
  });
});
