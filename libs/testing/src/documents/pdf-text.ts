/** The text and geometry of one PDF page, as pdf.js reads it. */
export interface PdfPageText {
  /** Text lines in content order: items joined up to each end of line pdf.js reports. */
  lines: string[];
  /** Page size in points (from the page's view box). */
  width: number;
  height: number;
  /** Names of the fonts the page's text uses (e.g. `ABCDEF+Tinos-Bold`), sorted. */
  fonts: string[];
  /** Leftmost start and rightmost end of the page's text, points from the left edge. */
  minX: number;
  maxX: number;
  /**
   * Top of the highest text (its baseline less its font size) and lowest baseline, in points
   * from the top edge.
   */
  minY: number;
  maxY: number;
}

/** What {@link pdfText} reads. */
export interface PdfText {
  pages: PdfPageText[];
  /** The document information dictionary's strings (Title, Producer, CreationDate, …). */
  info: Record<string, string>;
  /** All lines of all pages, `\n`-joined (pages too). */
  text: string;
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.js');
let pdfjs: Promise<PdfJs> | undefined;

/** pdf.js (legacy build, for Node), loaded once with its one-time warning silenced. */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= (async () => {
    // pdf.js 3.x logs at load that it cannot polyfill DOMMatrix/Path2D from the optional
    // `canvas` package; only rendering needs them, reading text does not.
    /* eslint-disable no-console */
    const { log, warn } = console;
    console.log = () => undefined;
    console.warn = () => undefined;
    try {
      return await import('pdfjs-dist/legacy/build/pdf.js');
    } finally {
      console.log = log;
      console.warn = warn;
    }
    /* eslint-enable no-console */
  })();
  return pdfjs;
}

interface Item {
  str: string;
  transform: number[];
  width: number;
  height: number;
  fontName: string;
  hasEOL: boolean;
}

/** Reads the text, page sizes, fonts and text bounds of a PDF with pdf.js. */
export async function pdfText(buffer: Buffer | Uint8Array): Promise<PdfText> {
  const lib = await loadPdfJs();
  const document = await lib.getDocument({
    // A fresh copy: pdf.js transfers (detaches) the array it is given.
    data: new Uint8Array(buffer),
    useSystemFonts: false,
    disableFontFace: true,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  const pages: PdfPageText[] = [];
  const info: Record<string, string> = {};
  try {
    const metadata = await document.getMetadata();
    for (const [key, value] of Object.entries(metadata.info as Record<string, unknown>)) {
      if (typeof value === 'string') info[key] = value;
    }
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n);
      const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = page.view;
      const height = y1 - y0;
      // The operator list loads the fonts into commonObjs, where their real names are.
      await page.getOperatorList();
      const content = await page.getTextContent({ disableNormalization: true });
      const items = content.items.filter(
        (i): i is Item & (typeof content.items)[number] => 'str' in i,
      ) as Item[];
      const lines: string[] = [];
      const fonts = new Set<string>();
      let current = '';
      let minX = Infinity;
      let maxX = -Infinity;
      let minY = Infinity;
      let maxY = -Infinity;
      for (const item of items) {
        current += item.str;
        if (item.hasEOL) {
          lines.push(current);
          current = '';
        }
        if (item.str.trim() === '') continue;
        const x = (item.transform[4] ?? 0) - x0;
        const baseline = height - ((item.transform[5] ?? 0) - y0);
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x + item.width);
        minY = Math.min(minY, baseline - item.height);
        maxY = Math.max(maxY, baseline);
        fonts.add(fontName(page.commonObjs, item.fontName));
      }
      if (current) lines.push(current);
      pages.push({
        lines,
        width: x1 - x0,
        height,
        fonts: [...fonts].sort(),
        minX,
        maxX,
        minY,
        maxY,
      });
      page.cleanup();
    }
  } finally {
    await document.destroy();
  }
  return { pages, info, text: pages.map((p) => p.lines.join('\n')).join('\n') };
}

function fontName(
  objs: { has(id: string): boolean; get(id: string): unknown },
  id: string,
): string {
  if (!objs.has(id)) return id;
  const font = objs.get(id) as { name?: unknown } | null;
  return typeof font?.name === 'string' ? font.name : id;
}
