import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { createHash, randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { compoundFile, docx, jpeg, odt, pdf, png, windowsExecutable, zip } from '../test/samples';
import { BlobNotFound, BlobTooLarge, BlobTypeNotAllowed, UnsafeArchive } from './blob-errors';
import { DirectoryBlobStore } from './directory-blob-store';

const MB = 1024 * 1024;

let dir: string;
let store: DirectoryBlobStore;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'blob-store-'));
  store = new DirectoryBlobStore(dir);
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Every file under `root`, relative, whatever the depth. */
async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(root.length + 1))
    .sort();
}

/** Streams `bytes` in small chunks, as an HTTP upload would arrive. */
function streamOf(bytes: Buffer, chunkSize = 1000): Readable {
  const chunks: Buffer[] = [];
  for (let offset = 0; offset < bytes.length; offset += chunkSize) {
    chunks.push(bytes.subarray(offset, offset + chunkSize));
  }
  return Readable.from(chunks);
}

const sha256Of = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

async function xlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Danh sách').addRow(['Họ và tên', 'Đơn vị']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('DirectoryBlobStore.put: the allow-list, judged from the content', () => {
  it.each([
    ['PDF', () => pdf(), 'application/pdf', 'pdf'],
    ['PNG', () => png(), 'image/png', 'png'],
    ['JPEG', () => jpeg(), 'image/jpeg', 'jpg'],
    [
      'DOCX',
      () => docx(),
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'docx',
    ],
    [
      'XLSX (written by exceljs)',
      xlsx,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'xlsx',
    ],
    ['ODT', () => odt(), 'application/vnd.oasis.opendocument.text', 'odt'],
    ['DOC (OLE2)', () => compoundFile(['WordDocument', '1Table']), 'application/msword', 'doc'],
    ['XLS (OLE2)', () => compoundFile(['Workbook']), 'application/vnd.ms-excel', 'xls'],
  ])('stores a %s', async (_kind, sample, mediaType, extension) => {
    const bytes = await sample();
    const stored = await store.put(streamOf(bytes), { maxBytes: MB, fileName: 'x.bin' });
    expect(stored).toEqual({
      sha256: sha256Of(bytes),
      size: bytes.length,
      mediaType,
      extension,
      deduplicated: false,
    });
    expect(await filesUnder(dir)).toEqual([join(stored.sha256.slice(0, 2), stored.sha256)]);
  });

  it.each([
    ['a Windows executable named .pdf', windowsExecutable(), 'report.pdf'],
    ['plain text', Buffer.from('Tờ trình đề nghị khen thưởng\n'), 'to-trinh.pdf'],
    ['an empty file', Buffer.alloc(0), 'empty.pdf'],
    ['a GIF', Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'), 'anh.png'],
    ['a plain zip', zip([{ name: 'a.txt', data: 'a' }]), 'ho-so.docx'],
    [
      'a PowerPoint file',
      zip([
        { name: '[Content_Types].xml', data: '<Types/>' },
        { name: 'ppt/presentation.xml', data: '<p/>' },
      ]),
      'slides.docx',
    ],
    [
      'a macro-enabled Word file',
      docx([{ name: 'word/vbaProject.bin', data: Buffer.alloc(100, 1) }]),
      'macro.docx',
    ],
    ['an OLE2 file that is neither Word nor Excel (MSI…)', compoundFile(['Foo']), 'setup.doc'],
    ['a Word 97 file with macros', compoundFile(['WordDocument', 'Macros']), 'macro.doc'],
  ])('refuses %s and leaves nothing behind', async (_kind, bytes, fileName) => {
    const put = store.put(streamOf(bytes), { maxBytes: MB, fileName });
    await expect(put).rejects.toBeInstanceOf(BlobTypeNotAllowed);
    expect(await filesUnder(dir)).toEqual([]);
  });

  it('names the detected type and the given file name in the refusal', async () => {
    const put = store.put(streamOf(windowsExecutable()), { maxBytes: MB, fileName: 'bao-cao.pdf' });
    await expect(put).rejects.toMatchObject({
      name: 'BlobTypeNotAllowed',
      detected: 'application/x-msdownload',
      fileName: 'bao-cao.pdf',
    });
  });
});

describe('DirectoryBlobStore.put: size limit, streaming', () => {
  it('accepts exactly maxBytes and refuses one byte more', async () => {
    const bytes = pdf();
    await expect(store.put(streamOf(bytes), { maxBytes: bytes.length })).resolves.toMatchObject({
      size: bytes.length,
    });
    await rm(dir, { recursive: true, force: true });
    const put = store.put(streamOf(bytes), { maxBytes: bytes.length - 1 });
    await expect(put).rejects.toEqual(new BlobTooLarge(bytes.length - 1));
    expect(await filesUnder(dir)).toEqual([]);
  });

  it('refuses a 25 MB stream under a 20 MB limit without reading it all or holding it in memory', async () => {
    const chunkSize = 64 * 1024;
    const total = 25 * MB;
    const maxBytes = 20 * MB;
    let produced = 0;
    // What the store holds, not garbage the collector has not reached yet: collect before each
    // sample (every 2 MB read), as a busy machine may not have collected on its own.
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    gc();
    const rssBefore = process.memoryUsage.rss();
    let rssPeak = rssBefore;
    const sample = (): void => {
      gc();
      rssPeak = Math.max(rssPeak, process.memoryUsage.rss());
    };
    const source = new Readable({
      read() {
        if (produced >= total) {
          this.push(null);
          return;
        }
        // A fresh chunk each time (as from a socket), so holding on to them would show in rss.
        const chunk = Buffer.alloc(chunkSize, produced === 0 ? 0x25 : 0x41);
        produced += chunk.length;
        if (produced % (2 * MB) === 0) sample();
        this.push(chunk);
      },
    });

    const put = store.put(source, { maxBytes, fileName: 'lon.pdf' });

    await expect(put).rejects.toBeInstanceOf(BlobTooLarge);
    sample();
    expect(produced).toBeGreaterThan(maxBytes);
    expect(produced).toBeLessThanOrEqual(maxBytes + MB);
    expect(source.destroyed).toBe(true);
    expect(rssPeak - rssBefore).toBeLessThan(15 * MB);
    expect(await filesUnder(dir)).toEqual([]);
  });

  it('rethrows an error of the source and leaves nothing behind', async () => {
    const failure = new Error('connection reset');
    const source = new Readable({
      read() {
        this.push(pdf());
        this.destroy(failure);
      },
    });
    await expect(store.put(source, { maxBytes: MB })).rejects.toBe(failure);
    expect(await filesUnder(dir)).toEqual([]);
  });

  it('refuses a nonsense limit', async () => {
    await expect(store.put(streamOf(pdf()), { maxBytes: Number.NaN })).rejects.toBeInstanceOf(
      RangeError,
    );
  });
});

describe('DirectoryBlobStore.put: unsafe Office archives', () => {
  it('refuses a DOCX whose entry inflates more than 100 : 1 (a real zip bomb)', async () => {
    const bomb = docx([{ name: 'word/media/zeros.bin', data: Buffer.alloc(10 * MB) }]);
    expect(bomb.length).toBeLessThan(MB);
    const put = store.put(streamOf(bomb, 64 * 1024), { maxBytes: 20 * MB });
    await expect(put).rejects.toBeInstanceOf(UnsafeArchive);
    expect(await filesUnder(dir)).toEqual([]);
  });

  it('refuses a DOCX declaring more than 200 MB uncompressed in all', async () => {
    // Each entry alone looks fine (90 : 1), together they declare 270 MB.
    const entries = Array.from({ length: 3 }, (_, i) => ({
      name: `word/media/image${i}.png`,
      data: randomBytes(MB),
      declaredUncompressedSize: 90 * MB,
    }));
    const put = store.put(streamOf(docx(entries), 64 * 1024), {
      maxBytes: 20 * MB,
      fileName: 'x.docx',
    });
    await expect(put).rejects.toThrow(/more than 209715200 bytes uncompressed in all/);
    expect(await filesUnder(dir)).toEqual([]);
  });

  it('refuses a DOCX with more than 10 000 entries', async () => {
    const entries = Array.from({ length: 10_000 }, (_, i) => ({
      name: `word/x${i}.xml`,
      data: '',
      method: 'store' as const,
    }));
    const put = store.put(streamOf(docx(entries), 64 * 1024), { maxBytes: 20 * MB });
    await expect(put).rejects.toThrow(/10003 entries/);
    expect(await filesUnder(dir)).toEqual([]);
  });

  it('refuses an entry named with ..', async () => {
    const put = store.put(streamOf(docx([{ name: 'word/../../etc/passwd', data: 'x' }])), {
      maxBytes: MB,
    });
    await expect(put).rejects.toBeInstanceOf(UnsafeArchive);
  });

  it('accepts small XML parts that compress well (below the ratio grace)', async () => {
    const styles = `<w:styles>${'<w:style w:type="paragraph"/>'.repeat(2000)}</w:styles>`;
    const bytes = docx([{ name: 'word/styles.xml', data: styles }]);
    await expect(store.put(streamOf(bytes), { maxBytes: MB })).resolves.toMatchObject({
      extension: 'docx',
    });
  });
});

describe('DirectoryBlobStore: addressing, get, has, delete', () => {
  it('stores the same content once and says so the second time', async () => {
    const bytes = pdf();
    const first = await store.put(streamOf(bytes), { maxBytes: MB });
    const second = await store.put(streamOf(bytes, 7), { maxBytes: MB });
    expect(first.deduplicated).toBe(false);
    expect(second).toEqual({ ...first, deduplicated: true });
    expect(await filesUnder(dir)).toEqual([join(first.sha256.slice(0, 2), first.sha256)]);
  });

  it('stores the same content once when two puts race', async () => {
    const bytes = docx();
    const results = await Promise.all(
      [1, 2, 3].map(() => store.put(streamOf(bytes, 100), { maxBytes: MB })),
    );
    expect(results.filter((result) => !result.deduplicated)).toHaveLength(1);
    expect(await filesUnder(dir)).toHaveLength(1);
  });

  it('gives back the same bytes', async () => {
    const bytes = await xlsx();
    const { sha256 } = await store.put(streamOf(bytes), { maxBytes: MB });
    expect(await store.has(sha256)).toBe(true);
    expect((await buffer(await store.get(sha256))).equals(bytes)).toBe(true);
  });

  it('deletes, and deleting again does nothing', async () => {
    const { sha256 } = await store.put(streamOf(png()), { maxBytes: MB });
    await store.delete(sha256);
    expect(await store.has(sha256)).toBe(false);
    await expect(store.get(sha256)).rejects.toEqual(new BlobNotFound(sha256));
    await expect(store.delete(sha256)).resolves.toBe(false);
    expect(await filesUnder(dir)).toEqual([]);
  });

  it('treats anything but a lower-case hex sha256 as not stored (no path tricks)', async () => {
    const { sha256 } = await store.put(streamOf(pdf()), { maxBytes: MB });
    for (const address of ['../etc/passwd', sha256.toUpperCase(), `${sha256}/..`, '']) {
      expect(await store.has(address)).toBe(false);
      await expect(store.get(address)).rejects.toBeInstanceOf(BlobNotFound);
      await store.delete(address);
    }
    expect(await store.has(sha256)).toBe(true);
  });

  it('keeps a stream opened before a delete readable', async () => {
    const bytes = pdf();
    const { sha256 } = await store.put(streamOf(bytes), { maxBytes: MB });
    const stream = await store.get(sha256);
    await store.delete(sha256);
    expect((await buffer(stream)).equals(bytes)).toBe(true);
  });
});
