import type { Role } from '@ttkt/contracts';

/**
 * The demo's directory: the province, the two departments of science and technology (Bắc Kạn's
 * until the merger of 1/7/2025, Thái Nguyên's since), their units, people and users. The people are
 * invented (apart from the signer of plan 27/KH-SKHCN, whose name the plan prints); any likeness
 * to real persons is chance.
 */

/** A unit as `POST /agencies/{id}/units` takes it. */
export interface DemoUnit {
  code: string;
  name: string;
  isSecretariat?: boolean;
}

/** A person as `POST /agencies/{id}/people` takes it, with the unit by code. */
export interface DemoPerson {
  /** A key the users below refer to. */
  key: string;
  fullName: string;
  gender: 'male' | 'female';
  dateOfBirth: string;
  unit: string;
  position: string;
}

/**
 * A demo account, each linked to a person of the agency: in Bắc Kạn the secretariat, the head, an
 * agency admin and three council members; in Thái Nguyên one per role, and two unit heads (Phòng
 * Quản lý khoa học, Trung tâm Ứng dụng tiến bộ khoa học và công nghệ).
 */
export interface DemoUser {
  username: string;
  role: Role;
  /** The person it belongs to (a {@link DemoPerson.key}). */
  person: string;
  /** Grant the role for the person's unit only (a unit head's). */
  unitScoped?: boolean;
}

/** The password of every demo account (local demo only). */
export const DEMO_PASSWORD = 'ThiDua#2025';

/** The tenant: the province, renamed when Bắc Kạn merged into Thái Nguyên. */
export const DEMO_TENANT = {
  code: 'BK',
  name: 'Tỉnh Bắc Kạn',
  renamedTo: 'Tỉnh Thái Nguyên',
  renamedFrom: '2025-07-01',
} as const;

/** The fixture's units: those the plan names (VP, QLCNCN) and the fixture's illustrative ones. */
const FIXTURE_UNITS: DemoUnit[] = [
  { code: 'VP', name: 'Văn phòng Sở', isSecretariat: true },
  { code: 'QLCNCN', name: 'Phòng Quản lý công nghệ và chuyên ngành' },
  { code: 'KHTC', name: 'Phòng Kế hoạch - Tài chính' },
  { code: 'TTr', name: 'Thanh tra Sở' },
  { code: 'TTUD', name: 'Trung tâm Ứng dụng tiến bộ khoa học và công nghệ' },
];

/** The Bắc Kạn department, history since 1/7/2025. */
export const BAC_KAN_AGENCY = {
  code: 'SKHCN',
  name: 'Sở Khoa học và Công nghệ tỉnh Bắc Kạn',
  validUntil: '2025-06-30',
  units: [{ code: 'BGD', name: 'Ban Giám đốc' }, ...FIXTURE_UNITS] as DemoUnit[],
  people: [
    p('bk-gd', 'Đỗ Thị Hiền', 'female', '1970-08-14', 'BGD', 'Giám đốc'),
    p('bk-pgd', 'Hoàng Văn Thắng', 'male', '1972-03-02', 'BGD', 'Phó Giám đốc'),
    p('bk-cvp', 'Nông Thị Huyền', 'female', '1978-11-20', 'VP', 'Chánh Văn phòng'),
    p('bk-vt', 'Lý Thị Thu', 'female', '1990-05-06', 'VP', 'Văn thư'),
    p('bk-tp-qlcn', 'Ma Văn Hùng', 'male', '1976-01-25', 'QLCNCN', 'Trưởng phòng'),
    p('bk-cv-qlcn', 'Triệu Thị Mai', 'female', '1988-09-12', 'QLCNCN', 'Chuyên viên'),
    p('bk-tp-khtc', 'Lục Văn Bình', 'male', '1974-07-30', 'KHTC', 'Trưởng phòng'),
    p('bk-ctt', 'Hà Văn Quyết', 'male', '1975-12-03', 'TTr', 'Chánh Thanh tra'),
    p('bk-gd-ttud', 'Dương Thị Nga', 'female', '1980-04-17', 'TTUD', 'Giám đốc Trung tâm'),
    p('bk-vc-ttud', 'Nông Văn Quân', 'male', '1991-10-09', 'TTUD', 'Viên chức'),
    p('bk-cntt', 'Hoàng Minh Đức', 'male', '1993-02-18', 'VP', 'Chuyên viên công nghệ thông tin'),
  ],
  /**
   * The secretariat and the head; an agency admin (who configures the council); and the other
   * members of the Hội đồng Thi đua - Khen thưởng of 2021 (the head chairs it, the secretariat is
   * its secretary).
   */
  users: [
    { username: 'bk.vanphong', role: 'secretariat', person: 'bk-cvp' },
    { username: 'bk.giamdoc', role: 'agency-head', person: 'bk-gd' },
    { username: 'bk.quantri', role: 'agency-admin', person: 'bk-cntt' },
    { username: 'bk.phogiamdoc', role: 'council-member', person: 'bk-pgd' },
    { username: 'bk.khtc', role: 'council-member', person: 'bk-tp-khtc' },
    { username: 'bk.thanhtra', role: 'council-member', person: 'bk-ctt' },
  ] as DemoUser[],
} as const;

/** The Thái Nguyên department, Bắc Kạn's successor from 1/7/2025. */
export const THAI_NGUYEN_AGENCY = {
  code: 'SKHCN',
  name: 'Sở Khoa học và Công nghệ tỉnh Thái Nguyên',
  validFrom: '2025-07-01',
  units: [
    { code: 'BGD', name: 'Ban Giám đốc' },
    ...FIXTURE_UNITS,
    { code: 'QLKH', name: 'Phòng Quản lý khoa học' },
    { code: 'TDC', name: 'Chi cục Tiêu chuẩn Đo lường Chất lượng' },
  ] as DemoUnit[],
  people: [
    p('tn-gd', 'Nguyễn Văn Thành', 'male', '1969-10-05', 'BGD', 'Giám đốc'),
    p('tn-pgd1', 'Trần Thị Thu Hà', 'female', '1973-06-21', 'BGD', 'Phó Giám đốc'),
    p('tn-pgd2', 'Đặng Quốc Khánh', 'male', '1975-02-14', 'BGD', 'Phó Giám đốc'),
    p('tn-cvp', 'Phạm Thị Lan', 'female', '1979-09-09', 'VP', 'Chánh Văn phòng'),
    p('tn-pcvp', 'Vũ Đức Anh', 'male', '1984-12-01', 'VP', 'Phó Chánh Văn phòng'),
    p('tn-vt', 'Hoàng Thị Yến', 'female', '1992-03-15', 'VP', 'Văn thư'),
    p('tn-cntt', 'Bùi Minh Tuấn', 'male', '1991-07-27', 'VP', 'Chuyên viên công nghệ thông tin'),
    p('tn-kt', 'Ngô Thị Hằng', 'female', '1987-11-03', 'VP', 'Kế toán'),
    p('tn-tp-qlkh', 'Lê Văn Hải', 'male', '1977-05-19', 'QLKH', 'Trưởng phòng'),
    p('tn-pp-qlkh', 'Đinh Thị Ngọc Ánh', 'female', '1983-08-08', 'QLKH', 'Phó Trưởng phòng'),
    p('tn-cv-qlkh1', 'Trịnh Văn Đức', 'male', '1990-01-30', 'QLKH', 'Chuyên viên'),
    p('tn-cv-qlkh2', 'Nguyễn Thị Phương', 'female', '1994-04-04', 'QLKH', 'Chuyên viên'),
    p('tn-tp-qlcn', 'Dương Văn Long', 'male', '1976-10-10', 'QLCNCN', 'Trưởng phòng'),
    p('tn-pp-qlcn', 'Ma Thị Hương', 'female', '1982-02-22', 'QLCNCN', 'Phó Trưởng phòng'),
    p('tn-cv-qlcn1', 'Lương Văn Toàn', 'male', '1989-06-16', 'QLCNCN', 'Chuyên viên'),
    p('tn-cv-qlcn2', 'Chu Thị Thảo', 'female', '1995-12-25', 'QLCNCN', 'Chuyên viên'),
    p('tn-tp-khtc', 'Đoàn Thị Minh Nguyệt', 'female', '1978-03-08', 'KHTC', 'Trưởng phòng'),
    p('tn-pp-khtc', 'Tạ Văn Sơn', 'male', '1985-09-29', 'KHTC', 'Phó Trưởng phòng'),
    p('tn-cv-khtc1', 'Phan Thị Hồng Nhung', 'female', '1993-07-07', 'KHTC', 'Chuyên viên'),
    p('tn-cv-khtc2', 'Hứa Văn Khoa', 'male', '1996-11-11', 'KHTC', 'Chuyên viên'),
    p('tn-ctt', 'Vi Văn Dũng', 'male', '1974-01-12', 'TTr', 'Chánh Thanh tra'),
    p('tn-pctt', 'Lâm Thị Kim Oanh', 'female', '1981-05-28', 'TTr', 'Phó Chánh Thanh tra'),
    p('tn-ttv', 'Nông Văn Cường', 'male', '1988-08-18', 'TTr', 'Thanh tra viên'),
    p('tn-cct', 'Hà Thị Thanh Tâm', 'female', '1976-12-30', 'TDC', 'Chi cục trưởng'),
    p('tn-pcct', 'Đỗ Mạnh Hùng', 'male', '1980-10-02', 'TDC', 'Phó Chi cục trưởng'),
    p('tn-cv-tdc1', 'Quan Thị Bích', 'female', '1991-02-09', 'TDC', 'Chuyên viên'),
    p('tn-cv-tdc2', 'Hoàng Gia Bảo', 'male', '1997-06-01', 'TDC', 'Kiểm định viên'),
    p('tn-gd-ttud', 'Trần Đức Thịnh', 'male', '1979-04-23', 'TTUD', 'Giám đốc Trung tâm'),
    p(
      'tn-pgd-ttud',
      'Nguyễn Thị Khánh Linh',
      'female',
      '1984-10-14',
      'TTUD',
      'Phó Giám đốc Trung tâm',
    ),
    p('tn-vc-ttud1', 'Lò Văn Tùng', 'male', '1990-09-05', 'TTUD', 'Viên chức'),
    p('tn-vc-ttud2', 'Mông Thị Diệp', 'female', '1993-03-21', 'TTUD', 'Viên chức'),
    p('tn-vc-ttud3', 'Bế Văn Quang', 'male', '1998-08-26', 'TTUD', 'Viên chức'),
    p('tn-nld-ttud', 'Sầm Thị Hoa', 'female', '1986-01-17', 'TTUD', 'Người lao động'),
    p('tn-cv-vp', 'Tô Thị Quỳnh', 'female', '1995-05-13', 'VP', 'Chuyên viên'),
    p('tn-lx-vp', 'Lê Đình Phúc', 'male', '1982-07-04', 'VP', 'Nhân viên lái xe'),
    p('tn-cv-qlkh3', 'Mai Xuân Trường', 'male', '1992-11-19', 'QLKH', 'Chuyên viên'),
  ],
  users: [
    { username: 'tn.quantri', role: 'agency-admin', person: 'tn-cntt' },
    { username: 'tn.vanphong', role: 'secretariat', person: 'tn-cvp' },
    { username: 'tn.vanthu', role: 'registry-clerk', person: 'tn-vt' },
    { username: 'tn.truongphong', role: 'unit-head', person: 'tn-tp-qlkh', unitScoped: true },
    { username: 'tn.trungtam', role: 'unit-head', person: 'tn-gd-ttud', unitScoped: true },
    { username: 'tn.hoidong', role: 'council-member', person: 'tn-pgd1' },
    { username: 'tn.giamdoc', role: 'agency-head', person: 'tn-gd' },
    { username: 'tn.xem', role: 'viewer', person: 'tn-cv-khtc1' },
  ] as DemoUser[],
} as const;

function p(
  key: string,
  fullName: string,
  gender: 'male' | 'female',
  dateOfBirth: string,
  unit: string,
  position: string,
): DemoPerson {
  return { key, fullName: fullName.normalize('NFC'), gender, dateOfBirth, unit, position };
}
