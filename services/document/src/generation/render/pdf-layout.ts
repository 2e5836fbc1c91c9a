import PDFDocument from 'pdfkit';
import type { OfficialHeader, SignatureBlock } from '../model';
import { caps, documentInstant, MARGINS_MM, mm, MOTTO, NATIONAL_NAME, PRODUCER } from './common';
import { fitSize, PDF_FONT, textWidth, tinos, type FontFace } from './fonts';

/** A pdfkit document. */
export type Pdf = PDFKit.PDFDocument;

/** The line height pdfkit gives Tinos (ascent − descent + line gap) per point of size. */
export const LINE = (1825 + 443 + 87) / 2048;

/** The margins of every page in points. */
export const MARGINS_PT = {
  top: mm(MARGINS_MM.top),
  bottom: mm(MARGINS_MM.bottom),
  left: mm(MARGINS_MM.left),
  right: mm(MARGINS_MM.right),
};

/**
 * A new A4 PDF document with the Decree 30 margins, the Tinos faces registered, and fixed
 * metadata (creation date from the document's date, producer, creator, title): the same model
 * gives the same bytes. No page is added yet.
 */
export function newPdf(
  orientation: 'portrait' | 'landscape',
  meta: { date: string; title: string },
): Pdf {
  const fonts = tinos();
  // pdfkit takes a parsed fontkit font wherever it takes a font source (it only needs `layout`),
  // which its types do not say; the parsed font is what keeps 200 certificates fast.
  const source = (face: FontFace): string => fonts[face] as unknown as string;
  const doc = new PDFDocument({
    size: 'A4',
    layout: orientation,
    margins: MARGINS_PT,
    autoFirstPage: false,
    bufferPages: false,
    font: source('regular'),
    info: {
      CreationDate: documentInstant(meta.date),
      ModDate: documentInstant(meta.date),
      Producer: PRODUCER,
      Creator: PRODUCER,
      Title: meta.title,
    },
  });
  for (const face of ['regular', 'bold', 'italic', 'boldItalic'] as const) {
    doc.registerFont(PDF_FONT[face], source(face));
  }
  return doc;
}

/** Ends the document and gathers its bytes. */
export function pdfBytes(doc: Pdf): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

/** The text area of the current page in points. */
export function textArea(doc: Pdf): { left: number; top: number; width: number; bottom: number } {
  const { margins } = doc.page;
  return {
    left: margins.left,
    top: margins.top,
    width: doc.page.width - margins.left - margins.right,
    bottom: doc.page.height - margins.bottom,
  };
}

/** Options of {@link oneLine}. */
export interface LineOptions {
  face: FontFace;
  size: number;
  x: number;
  y: number;
  width: number;
  align?: 'left' | 'center' | 'right';
  /** Smallest size the text may shrink to so that it stays on one line. */
  minSize?: number;
}

/**
 * Draws `text` on ONE line (never wrapped): shrunk in half points until it fits `width`, placed
 * left, centred or right in it, with `y` the top of the line. Returns the size used and width.
 */
export function oneLine(doc: Pdf, text: string, o: LineOptions): { size: number; width: number } {
  const size = fitSize(text, o.face, o.size, o.width, o.minSize ?? 8);
  const width = textWidth(text, o.face, size);
  const align = o.align ?? 'center';
  const x =
    align === 'left'
      ? o.x
      : align === 'right'
        ? o.x + o.width - width
        : o.x + (o.width - width) / 2;
  doc.font(PDF_FONT[o.face]).fontSize(size).text(text, x, o.y, { lineBreak: false });
  return { size, width };
}

/** A horizontal rule `length` long centred on `cx` at `y`. */
export function rule(doc: Pdf, cx: number, y: number, length: number, weight = 0.6): void {
  doc
    .save()
    .lineWidth(weight)
    .moveTo(cx - length / 2, y)
    .lineTo(cx + length / 2, y)
    .stroke()
    .restore();
}

/** Which lines of the header to draw (certificates put the place and date at the bottom). */
export interface HeaderOptions {
  numberLine: boolean;
  placeAndDate: boolean;
  /** Share of the width the left column takes. */
  leftShare?: number;
}

/**
 * The two-column header of Decree 30/2020 from `top`, across `width` from `left`: parent body
 * (caps, 13 pt) and issuing body (caps, bold, 13 pt) with a short rule, then `Số: …`, on the left;
 * the national name (bold, 12 pt) and the motto (bold, 13 pt) with a rule its width, then the
 * italic place and date (14 pt), on the right. The left column is drawn first, so each line is
 * its own line of extracted text. Returns the y under the header.
 */
export function drawHeader(
  doc: Pdf,
  header: OfficialHeader,
  area: { left: number; top: number; width: number },
  options: HeaderOptions,
): number {
  const { left, top, width } = area;
  const leftWidth = width * (options.leftShare ?? 0.45);
  const rightX = left + leftWidth;
  const rightWidth = width - leftWidth;
  // The left lines keep a gutter from the right column, so a long issuing body never touches
  // the national name (it shrinks to fit instead).
  const leftText = leftWidth - mm(4);
  const row = 13 * LINE;
  const thirdRow = top + 2 * row + 10;

  let y = top;
  if (header.parentBody) {
    oneLine(doc, caps(header.parentBody), {
      face: 'regular',
      size: 13,
      x: left,
      y,
      width: leftText,
    });
    y += row;
  }
  const issuing = oneLine(doc, caps(header.issuingBody), {
    face: 'bold',
    size: 13,
    x: left,
    y,
    width: leftText,
  });
  y += row;
  rule(doc, left + leftText / 2, y + 2.5, Math.max(mm(15), issuing.width * 0.4));
  if (options.numberLine && header.numberLine) {
    oneLine(doc, header.numberLine, {
      face: 'regular',
      size: 13,
      x: left,
      y: thirdRow,
      width: leftText,
    });
  }

  oneLine(doc, NATIONAL_NAME, { face: 'bold', size: 12, x: rightX, y: top, width: rightWidth });
  const motto = oneLine(doc, MOTTO, {
    face: 'bold',
    size: 13,
    x: rightX,
    y: top + row,
    width: rightWidth,
  });
  rule(doc, rightX + rightWidth / 2, top + 2 * row + 2.5, motto.width);
  if (options.placeAndDate && header.placeAndDate) {
    oneLine(doc, header.placeAndDate, {
      face: 'italic',
      size: 14,
      x: rightX,
      y: thirdRow,
      width: rightWidth,
    });
  }
  const bottom =
    options.numberLine || options.placeAndDate ? thirdRow + 14 * LINE : top + 2 * row + 4;
  return Math.max(bottom, y + 4);
}

/** The lines of a signature block above the blank space: `KT. GIÁM ĐỐC`, `PHÓ GIÁM ĐỐC`. */
export function signatureLines(signature: SignatureBlock): string[] {
  if (!signature.capacity) return [caps(signature.title)];
  const first = `${signature.capacity} ${signature.authority ?? ''}`.trim();
  return [caps(first), caps(signature.title)];
}

/** The blank space left for the handwritten signature and seal. */
export const SIGNATURE_SPACE = mm(25);

/** The height of {@link drawSignature}'s block. */
export function signatureHeight(signature: SignatureBlock, size = 14): number {
  return signatureLines(signature).length * size * LINE + SIGNATURE_SPACE + size * LINE;
}

/**
 * The signature block centred in a column: capacity/title lines bold caps, blank space, the
 * signer's name bold. Returns the y under it.
 */
export function drawSignature(
  doc: Pdf,
  signature: SignatureBlock,
  column: { x: number; y: number; width: number },
  size = 14,
): number {
  let y = column.y;
  for (const line of signatureLines(signature)) {
    oneLine(doc, line, { face: 'bold', size, x: column.x, y, width: column.width });
    y += size * LINE;
  }
  y += SIGNATURE_SPACE;
  oneLine(doc, signature.name, { face: 'bold', size, x: column.x, y, width: column.width });
  return y + size * LINE;
}
