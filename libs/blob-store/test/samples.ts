import { crc32, deflateRawSync, deflateSync } from 'node:zlib';

/** One entry of a zip written by {@link zip}. */
export interface ZipEntrySample {
  name: string;
  data: Buffer | string;
  /** Deflate the data (default) or store it as is. */
  method?: 'deflate' | 'store';
  /** Lie about the uncompressed size in both headers (zip-bomb samples). */
  declaredUncompressedSize?: number;
}

/** A minimal but well-formed zip (local headers, central directory, end record; no zip64). */
export function zip(entries: readonly ZipEntrySample[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const data = typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : entry.data;
    const store = entry.method === 'store';
    const body = store ? data : deflateRawSync(data);
    const fields = {
      method: store ? 0 : 8,
      crc: crc32(data),
      compressed: body.length,
      uncompressed: entry.declaredUncompressedSize ?? data.length,
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(fields.method, 8);
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(fields.crc, 14);
    local.writeUInt32LE(fields.compressed, 18);
    local.writeUInt32LE(fields.uncompressed, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(fields.method, 10);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(fields.crc, 16);
    central.writeUInt32LE(fields.compressed, 20);
    central.writeUInt32LE(fields.uncompressed, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"></Types>';

/** A DOCX as Word lays it out: `[Content_Types].xml` and `_rels/.rels` first, then `word/`. */
export function docx(extra: readonly ZipEntrySample[] = []): Buffer {
  return zip([
    { name: '[Content_Types].xml', data: CONTENT_TYPES },
    { name: '_rels/.rels', data: '<?xml version="1.0"?><Relationships/>' },
    {
      name: 'word/document.xml',
      data: '<?xml version="1.0"?><w:document><w:body><w:p><w:r><w:t>Tờ trình</w:t></w:r></w:p></w:body></w:document>',
    },
    ...extra,
  ]);
}

/** An ODF text document: the stored `mimetype` entry first, as the standard requires. */
export function odt(): Buffer {
  return zip([
    { name: 'mimetype', data: 'application/vnd.oasis.opendocument.text', method: 'store' },
    { name: 'META-INF/manifest.xml', data: '<manifest:manifest/>' },
    { name: 'content.xml', data: '<office:document-content/>' },
  ]);
}

/**
 * A minimal OLE2 compound file (MS-CFB version 3, 512-byte sectors): sector 0 holds the FAT,
 * sector 1 the directory with a root entry and one stream per name (Word: `WordDocument`,
 * Excel: `Workbook`).
 */
export function compoundFile(streamNames: readonly string[]): Buffer {
  if (streamNames.length > 3) throw new Error('one directory sector holds 3 streams here');
  const header = Buffer.alloc(512, 0);
  Buffer.from('d0cf11e0a1b11ae1', 'hex').copy(header, 0);
  header.writeUInt16LE(0x3e, 0x18);
  header.writeUInt16LE(3, 0x1a);
  header.writeUInt16LE(0xfffe, 0x1c);
  header.writeUInt16LE(9, 0x1e);
  header.writeUInt16LE(6, 0x20);
  header.writeUInt32LE(1, 0x2c); // one FAT sector
  header.writeUInt32LE(1, 0x30); // directory starts at sector 1
  header.writeUInt32LE(0x1000, 0x38);
  header.writeUInt32LE(0xfffffffe, 0x3c);
  header.writeUInt32LE(0xfffffffe, 0x44);
  header.fill(0xff, 0x4c);
  header.writeUInt32LE(0, 0x4c); // the FAT is sector 0
  const fat = Buffer.alloc(512, 0xff);
  fat.writeUInt32LE(0xfffffffd, 0); // sector 0: FAT
  fat.writeUInt32LE(0xfffffffe, 4); // sector 1: directory, end of chain
  const directory = Buffer.alloc(512, 0);
  const entry = (index: number, name: string, type: number): void => {
    const offset = index * 128;
    directory.write(`${name}\0`, offset, 'utf16le');
    directory.writeUInt16LE((name.length + 1) * 2, offset + 0x40);
    directory[offset + 0x42] = type;
    directory.writeUInt32LE(0xffffffff, offset + 0x44);
    directory.writeUInt32LE(0xffffffff, offset + 0x48);
    directory.writeUInt32LE(0xffffffff, offset + 0x4c);
  };
  entry(0, 'Root Entry', 5);
  streamNames.forEach((name, i) => entry(i + 1, name, 2));
  return Buffer.concat([header, fat, directory]);
}

/** A 1×1 PNG. */
export function png(): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typeAndData));
    return Buffer.concat([length, typeAndData, crc]);
  };
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
  return Buffer.concat([
    Buffer.from('89504e470d0a1a0a', 'hex'),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.from([0, 255, 0, 0]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The start of a JFIF JPEG (enough for any sniffer). */
export function jpeg(): Buffer {
  return Buffer.concat([
    Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex'),
    Buffer.alloc(64, 0x20),
    Buffer.from('ffd9', 'hex'),
  ]);
}

/** A small PDF. */
export function pdf(text = 'Quyết định khen thưởng'): Buffer {
  return Buffer.from(`%PDF-1.4\n1 0 obj <<>> endobj\n% ${text}\ntrailer <<>>\n%%EOF\n`, 'utf8');
}

/** The start of a Windows executable (`MZ`, DOS stub, PE header offset). */
export function windowsExecutable(): Buffer {
  const exe = Buffer.alloc(512, 0);
  exe.write('MZ', 0, 'ascii');
  exe.writeUInt32LE(0x80, 0x3c);
  exe.write('PE\0\0', 0x80, 'binary');
  return exe;
}
