import { nameInForce } from './names-in-force';

describe('nameInForce', () => {
  const tenant = [
    { validFrom: '2025-07-01', name: 'Tỉnh Thái Nguyên' },
    { validFrom: '', name: 'Tỉnh Bắc Kạn' },
  ];

  it('takes the name that started last on or before the day', () => {
    expect(nameInForce(tenant, '2021-03-30')).toBe('Tỉnh Bắc Kạn');
    expect(nameInForce(tenant, '2025-06-30')).toBe('Tỉnh Bắc Kạn');
    expect(nameInForce(tenant, '2025-07-01')).toBe('Tỉnh Thái Nguyên');
    expect(nameInForce(tenant, '2026-01-05')).toBe('Tỉnh Thái Nguyên');
  });

  it('takes the first name for a day before any started, and null without names', () => {
    const agency = [
      { validFrom: '2025-07-01', name: 'Sở Khoa học và Công nghệ tỉnh Thái Nguyên' },
      { validFrom: '2027-01-01', name: 'Sở Khoa học, Công nghệ và Đổi mới sáng tạo' },
    ];
    expect(nameInForce(agency, '2021-03-30')).toBe('Sở Khoa học và Công nghệ tỉnh Thái Nguyên');
    expect(nameInForce(agency, '2027-01-01')).toBe('Sở Khoa học, Công nghệ và Đổi mới sáng tạo');
    expect(nameInForce([], '2021-03-30')).toBeNull();
  });
});
