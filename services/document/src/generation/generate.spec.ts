import { slug } from './generate';

describe('slug', () => {
  it('keeps file names ASCII: numbers with their symbols, names without accents', () => {
    expect(slug('27/KH-SKHCN')).toBe('27-KH-SKHCN');
    expect(slug('28/QĐ-SKHCN')).toBe('28-QD-SKHCN');
    expect(slug('Nguyễn Thị Lan')).toBe('Nguyen-Thi-Lan');
    expect(slug('Đỗ Thị Hiền')).toBe('Do-Thi-Hien');
    expect(slug('  Phòng Quản lý công nghệ & chuyên ngành ')).toBe(
      'Phong-Quan-ly-cong-nghe-chuyen-nganh',
    );
    expect(slug('x'.repeat(100))).toHaveLength(80);
  });
});
