/** Helpers shared by the renderers: units, normalisation, fixed dates and reproducible zips. */

/** Points per millimetre. */
export const PT_PER_MM = 72 / 25.4;

/** Millimetres to points. */
export const mm = (v: number): number => v * PT_PER_MM;

/** The page margins of every document (Decree 30/2020): top, bottom, left, right in mm. */
export const MARGINS_MM = { top: 20, bottom: 20, left: 30, right: 15 } as const;

/** A4 in mm (portrait). */
export const A4_MM = { width: 210, height: 297 } as const;

/** The national name and motto (Decree 30/2020, Appendix I). */
export const NATIONAL_NAME = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
/** The motto under the national name. */
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';

/** The producer written into every generated file. */
export const PRODUCER = 'Thi đua – Khen thưởng';

/** Vietnamese caps. */
export const caps = (text: string): string => text.toLocaleUpperCase('vi');

/** A copy of `value` with every string in it normalised to NFC. */
export function nfcDeep<T>(value: T): T {
  if (typeof value === 'string') return value.normalize('NFC') as T;
  if (Array.isArray(value)) return value.map((v: unknown) => nfcDeep(v)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, nfcDeep(v)]),
    ) as T;
  }
  return value;
}

/**
 * The instant a document's files are dated: midnight of its date (`YYYY-MM-DD`) in Vietnam
 * (UTC+7), so the same document gives the same bytes whenever it is rendered.
 */
export function documentInstant(date: string): Date {
  const d = new Date(`${date}T00:00:00+07:00`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(d.getTime())) {
    throw new Error(`Invalid document date '${date}' (expected YYYY-MM-DD)`);
  }
  return d;
}

/** Splits a text on line breaks (a paragraph given with `\n` renders as several). */
export const textLines = (text: string): string[] => text.split(/\r?\n/);

/**
 * Sets the modification time of every entry of a zip file (local headers and central directory)
 * to midnight of `date` (MS-DOS time), so DOCX/XLSX files rendered twice are byte-identical.
 * The zip libraries stamp the current time and offer no option for it.
 */
export function fixZipTimes(zip: Buffer, date: string): Buffer {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const dosDate = ((y - 1980) << 9) | (m << 5) | d;
  const out = Buffer.from(zip);
  const eocd = out.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('Not a zip file');
  const entries = out.readUInt16LE(eocd + 10);
  let p = out.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries; i++) {
    if (out.readUInt32LE(p) !== 0x02014b50) throw new Error('Corrupt zip central directory');
    out.writeUInt16LE(0, p + 12);
    out.writeUInt16LE(dosDate, p + 14);
    const local = out.readUInt32LE(p + 42);
    if (out.readUInt32LE(local) !== 0x04034b50) throw new Error('Corrupt zip local header');
    out.writeUInt16LE(0, local + 10);
    out.writeUInt16LE(dosDate, local + 12);
    p += 46 + out.readUInt16LE(p + 28) + out.readUInt16LE(p + 30) + out.readUInt16LE(p + 32);
  }
  return out;
}
