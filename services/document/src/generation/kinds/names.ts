import type { OfficialHeader } from '../model';
import { normalizeText } from './collation';
import { vietnameseDate } from './dates';

/**
 * The names in force on a document's date (the agency's, its parent body's and the province's),
 * as the directory's events record them: `Sở Khoa học và Công nghệ tỉnh Bắc Kạn`,
 * `Ủy ban nhân dân tỉnh Bắc Kạn`, `Tỉnh Bắc Kạn` in 2021; the Thái Nguyên names from 1/7/2025.
 */
export interface AgencyNames {
  /** The issuing agency's full name (`Sở Khoa học và Công nghệ tỉnh Bắc Kạn`). */
  agencyName: string;
  /** Its parent body's full name (`Ủy ban nhân dân tỉnh Bắc Kạn`), or null. */
  parentName: string | null;
  /** The tenant's (province's) name (`Tỉnh Bắc Kạn`). */
  tenantName: string;
}

/** Capitals as Vietnamese writes them (`Sở Khoa học` → `SỞ KHOA HỌC`), in NFC. */
export function upper(text: string): string {
  return normalizeText(text).toLocaleUpperCase('vi').normalize('NFC');
}

/** The first letter in lower case (`Tổ chức đợt thi đua` → `tổ chức đợt thi đua`). */
export function lowerFirst(text: string): string {
  const normalized = normalizeText(text);
  const first = normalized.slice(0, 1);
  return `${first.toLocaleLowerCase('vi')}${normalized.slice(1)}`;
}

const LOCALITY_KINDS = /^(tỉnh|thành phố)\s+/iu;

/** The province as a place name: `Tỉnh Bắc Kạn` → `Bắc Kạn`, `Thành phố Hà Nội` → `Hà Nội`. */
export function placeName(names: AgencyNames): string {
  return normalizeText(names.tenantName).replace(LOCALITY_KINDS, '');
}

/** The province as the end of a body's name: `Tỉnh Bắc Kạn` → `tỉnh Bắc Kạn`. */
function localitySuffix(names: AgencyNames): string {
  return lowerFirst(names.tenantName);
}

/**
 * The agency's name without its province, as its own documents name it:
 * `Sở Khoa học và Công nghệ tỉnh Bắc Kạn` → `Sở Khoa học và Công nghệ`.
 */
export function agencyShortName(names: AgencyNames): string {
  const full = normalizeText(names.agencyName);
  const suffix = ` ${localitySuffix(names)}`;
  return full.toLocaleLowerCase('vi').endsWith(suffix.toLocaleLowerCase('vi')) &&
    full.length > suffix.length
    ? full.slice(0, full.length - suffix.length)
    : full;
}

/** `SỞ KHOA HỌC VÀ CÔNG NGHỆ`: the issuing body's line of the header. */
export function issuingBody(names: AgencyNames): string {
  return upper(agencyShortName(names));
}

const PEOPLES_COMMITTEE = /^(ủy|uỷ) ban nhân dân\s+/iu;

/**
 * `UBND TỈNH BẮC KẠN`: the parent body's line of the header (a people's committee abbreviated
 * `UBND`, as the plans print it). An agency registered without a parent agency is a department
 * of the province's (or city's) people's committee — the tenant — so its header names
 * `UBND <TENANT>` (`Tỉnh Bắc Kạn` → `UBND TỈNH BẮC KẠN`); null when even that is unknown.
 */
export function parentBody(names: AgencyNames): string | null {
  if (names.parentName !== null && normalizeText(names.parentName) !== '')
    return upper(normalizeText(names.parentName).replace(PEOPLES_COMMITTEE, 'UBND '));
  const tenant = normalizeText(names.tenantName);
  if (/^(tỉnh|thành phố)\s/iu.test(tenant)) return upper(`UBND ${tenant}`);
  return null;
}

/** `Bắc Kạn, ngày 30 tháng 3 năm 2021`. */
export function placeAndDate(names: AgencyNames, date: string): string {
  return `${placeName(names)}, ${vietnameseDate(date)}`;
}

/**
 * The header of a document the agency issues on `date`: parent and issuing body from the names
 * in force, `Số: <number>` (empty for a document without a number), place and date.
 */
export function officialHeader(
  names: AgencyNames,
  date: string,
  number: string | null,
): OfficialHeader {
  return {
    parentBody: parentBody(names),
    issuingBody: issuingBody(names),
    numberLine: number === null ? '' : `Số: ${normalizeText(number)}`,
    placeAndDate: placeAndDate(names, date),
  };
}

/**
 * An authority named for the province when its title ends with `tỉnh`:
 * `Chủ tịch UBND tỉnh` → `Chủ tịch UBND tỉnh Bắc Kạn`. Other titles stay as they are.
 */
export function withProvince(title: string, names: AgencyNames): string {
  const text = normalizeText(title);
  return /\stỉnh$/iu.test(text) && /^tỉnh\s/iu.test(normalizeText(names.tenantName))
    ? `${text} ${placeName(names)}`
    : text;
}
