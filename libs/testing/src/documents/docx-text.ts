import * as yauzl from 'yauzl';

/** What {@link docxText} reads from a DOCX. */
export interface DocxText {
  /** The text of each non-empty paragraph of word/document.xml, in order (table cells too). */
  paragraphs: string[];
  /** Page size of the (last) section in mm, and its orientation attribute if any. */
  pageSize: { width: number; height: number; orientation: string | null };
  /** Page margins of the (last) section in mm. */
  margins: { top: number; bottom: number; left: number; right: number };
  /** Fonts: the default run font (styles.xml) and every `w:rFonts w:ascii` in the document. */
  fonts: { default: string | null; used: string[] };
  /** word/document.xml as is (to compare renders). */
  documentXml: string;
}

/** The text of the entries of a zip file, by name (only those asked for). */
export async function zipEntries(
  buffer: Buffer,
  names: readonly string[],
): Promise<Map<string, string>> {
  const zip = await yauzl.fromBufferPromise(buffer, { lazyEntries: true });
  const found = new Map<string, string>();
  try {
    for await (const entry of zip.eachEntry()) {
      if (!names.includes(entry.fileName)) continue;
      const stream = await zip.openReadStreamPromise(entry);
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      found.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
    }
  } finally {
    zip.close();
  }
  for (const name of names) if (!found.has(name)) throw new Error(`${name} is not in the zip`);
  return found;
}

const decode = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&');

const TWIP_PER_MM = 1440 / 25.4;

function attribute(element: string, name: string): string | null {
  const match = new RegExp(`w:${name}="([^"]*)"`).exec(element);
  return match?.[1] ?? null;
}

function lastElement(xml: string, tag: string): string {
  const all = [...xml.matchAll(new RegExp(`<w:${tag} [^>]*/>`, 'g'))];
  const last = all[all.length - 1];
  if (!last) throw new Error(`No <w:${tag}> in word/document.xml`);
  return last[0];
}

/** Reads the paragraphs, page size, margins and fonts of a DOCX (word/document.xml, styles.xml). */
export async function docxText(buffer: Buffer): Promise<DocxText> {
  const entries = await zipEntries(buffer, ['word/document.xml', 'word/styles.xml']);
  const xml = entries.get('word/document.xml') ?? '';
  const styles = entries.get('word/styles.xml') ?? '';
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map((p) =>
      [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => decode(t[1] ?? '')).join(''),
    )
    .filter((text) => text.trim() !== '');
  const pgSz = lastElement(xml, 'pgSz');
  const pgMar = lastElement(xml, 'pgMar');
  const mm = (element: string, name: string): number =>
    Number(attribute(element, name)) / TWIP_PER_MM;
  const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)?.[0] ?? '';
  const defaultFont = /<w:rFonts [^>]*w:ascii="([^"]*)"/.exec(defaults)?.[1] ?? null;
  const used = new Set(
    [...xml.matchAll(/<w:rFonts [^>]*w:ascii="([^"]*)"/g)].map((m) => m[1] ?? ''),
  );
  return {
    paragraphs,
    pageSize: {
      width: mm(pgSz, 'w'),
      height: mm(pgSz, 'h'),
      orientation: attribute(pgSz, 'orient'),
    },
    margins: {
      top: mm(pgMar, 'top'),
      bottom: mm(pgMar, 'bottom'),
      left: mm(pgMar, 'left'),
      right: mm(pgMar, 'right'),
    },
    fonts: { default: defaultFont, used: [...used].sort() },
    documentXml: xml,
  };
}
