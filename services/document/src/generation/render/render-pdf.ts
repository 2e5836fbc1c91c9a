import type { Block, OfficialDocumentModel } from '../model';
import { caps, mm, nfcDeep, textLines } from './common';
import { PDF_FONT, textWidth, type FontFace } from './fonts';
import {
  drawHeader,
  drawSignature,
  LINE,
  newPdf,
  oneLine,
  pdfBytes,
  rule,
  signatureHeight,
  textArea,
  type Pdf,
} from './pdf-layout';

/** Body text size in points. */
const BODY = 14;
/** Space between lines of a paragraph, in points. */
const LINE_GAP = 1.5;
/** Space after each paragraph, in points. */
const PARAGRAPH_GAP = 6;
/** First-line indent of paragraphs marked `indent` (and of headings). */
export const FIRST_LINE_INDENT = mm(10);
/** Default table text size in points. */
const TABLE_SIZE = 13;
/** Inner padding of table cells in points. */
const CELL_PADDING = 3;

/**
 * Renders an administrative document as PDF (A4, Decree 30/2020 layout, Tinos): header, type
 * name and summary, body, "Nơi nhận:" and signature side by side, then each annex on a new page.
 * The same model always gives the same bytes.
 */
export async function renderPdf(model: OfficialDocumentModel): Promise<Buffer> {
  const m = nfcDeep(model);
  const doc = newPdf(m.orientation, m.meta);
  doc.addPage();
  const area = textArea(doc);

  let y = drawHeader(doc, m.header, area, { numberLine: true, placeAndDate: true });
  y += 16;
  if (m.typeName) {
    oneLine(doc, caps(m.typeName), {
      face: 'bold',
      size: BODY,
      x: area.left,
      y,
      width: area.width,
    });
    y += BODY * LINE;
  }
  let widest = 0;
  for (const line of m.summary.flatMap(textLines)) {
    doc.font(PDF_FONT.bold).fontSize(BODY);
    doc.text(line, area.left, y, { width: area.width, align: 'center', lineGap: LINE_GAP });
    y = doc.y;
    widest = Math.max(widest, Math.min(area.width, textWidth(line, 'bold', BODY)));
  }
  if (m.summary.length > 0) {
    rule(doc, area.left + area.width / 2, y + 2, Math.max(mm(20), widest / 3));
    y += 6;
  }
  doc.x = area.left;
  doc.y = y + 12;

  drawBlocks(doc, m.body);
  drawClosing(doc, m);

  for (const annex of m.annexes) {
    doc.addPage();
    const a = textArea(doc);
    doc.y = a.top;
    for (const line of annex.title.flatMap(textLines)) {
      doc.font(PDF_FONT.bold).fontSize(BODY);
      doc.text(line, a.left, doc.y, { width: a.width, align: 'center', lineGap: LINE_GAP });
    }
    doc.y += 12;
    drawBlocks(doc, annex.body);
  }
  return pdfBytes(doc);
}

/** Draws body blocks from `doc.y`, flowing onto new pages. */
export function drawBlocks(doc: Pdf, blocks: Block[]): void {
  for (const block of blocks) {
    const area = textArea(doc);
    switch (block.kind) {
      case 'heading':
        for (const line of textLines(block.text)) {
          // Keep a heading with at least one line after it.
          if (doc.y + 3 * BODY * LINE > area.bottom) doc.addPage();
          paragraph(doc, line, 'bold', 'justify', true);
        }
        break;
      case 'paragraph': {
        const face: FontFace =
          block.bold && block.italic
            ? 'boldItalic'
            : block.bold
              ? 'bold'
              : block.italic
                ? 'italic'
                : 'regular';
        for (const line of textLines(block.text)) {
          paragraph(doc, line, face, block.align ?? 'justify', block.indent ?? false);
        }
        break;
      }
      case 'table':
        drawTable(doc, block);
        break;
      case 'pageBreak':
        doc.addPage();
        break;
    }
  }
}

function paragraph(
  doc: Pdf,
  text: string,
  face: FontFace,
  align: 'justify' | 'center' | 'left',
  indent: boolean,
): void {
  const area = textArea(doc);
  doc.font(PDF_FONT[face]).fontSize(BODY);
  if (doc.y + BODY * LINE > area.bottom) doc.addPage();
  doc.text(text, area.left, doc.y, {
    width: area.width,
    align,
    indent: indent && align !== 'center' ? FIRST_LINE_INDENT : 0,
    lineGap: LINE_GAP,
    paragraphGap: PARAGRAPH_GAP,
  });
}

/** A bordered table across the text width; the header row repeats on every page it spans. */
function drawTable(doc: Pdf, table: Extract<Block, { kind: 'table' }>): void {
  const size = table.fontSize ?? TABLE_SIZE;
  const area = textArea(doc);
  const weights = table.columns.map((c) => (c.width > 0 ? c.width : 1));
  const total = weights.reduce((s, w) => s + w, 0);
  const widths = weights.map((w) => (w / total) * area.width);
  const cellHeight = (cells: string[], face: FontFace): number => {
    doc.font(PDF_FONT[face]).fontSize(size);
    return (
      Math.max(
        size * LINE,
        ...cells.map((text, i) =>
          doc.heightOfString(text || ' ', {
            width: (widths[i] ?? 0) - 2 * CELL_PADDING,
            lineGap: 0,
          }),
        ),
      ) +
      2 * CELL_PADDING
    );
  };
  const drawRow = (
    cells: string[],
    face: FontFace,
    y: number,
    height: number,
    header: boolean,
  ): void => {
    let x = area.left;
    doc.save().lineWidth(0.6);
    widths.forEach((w) => {
      doc.rect(x, y, w, height).stroke();
      x += w;
    });
    doc.restore();
    x = area.left;
    doc.font(PDF_FONT[face]).fontSize(size);
    widths.forEach((w, i) => {
      const text = cells[i] ?? '';
      const align = header || text.length <= 5 ? 'center' : 'left';
      doc.text(text, x + CELL_PADDING, y + CELL_PADDING, {
        width: w - 2 * CELL_PADDING,
        align,
        lineGap: 0,
      });
      x += w;
    });
  };
  const titles = table.columns.map((c) => c.title);
  const headerHeight = cellHeight(titles, 'bold');
  let y = doc.y;
  if (y + headerHeight + size * LINE + 2 * CELL_PADDING > area.bottom) {
    doc.addPage();
    y = textArea(doc).top;
  }
  drawRow(titles, 'bold', y, headerHeight, true);
  y += headerHeight;
  for (const row of table.rows) {
    const height = cellHeight(row, 'regular');
    if (y + height > area.bottom && height + headerHeight <= area.bottom - area.top) {
      doc.addPage();
      y = textArea(doc).top;
      drawRow(titles, 'bold', y, headerHeight, true);
      y += headerHeight;
    }
    drawRow(row, 'regular', y, height, false);
    y += height;
  }
  doc.x = area.left;
  doc.y = y + PARAGRAPH_GAP * 2;
}

/** "Nơi nhận:" on the left and the signature on the right, from the same height. */
function drawClosing(doc: Pdf, m: OfficialDocumentModel): void {
  if (!m.recipients && !m.signature) return;
  let area = textArea(doc);
  const leftWidth = area.width * 0.45;
  const recipientsHeight = (): number => {
    if (!m.recipients) return 0;
    doc.font(PDF_FONT.regular).fontSize(11);
    return (
      12 * LINE +
      m.recipients.entries.reduce((s, e) => s + doc.heightOfString(e, { width: leftWidth }), 0)
    );
  };
  const height = Math.max(recipientsHeight(), m.signature ? signatureHeight(m.signature) : 0);
  let y = doc.y + 6;
  if (y + height > area.bottom) {
    doc.addPage();
    area = textArea(doc);
    y = area.top;
  }
  let bottom = y;
  if (m.recipients) {
    oneLine(doc, m.recipients.heading, {
      face: 'boldItalic',
      size: 12,
      x: area.left,
      y,
      width: leftWidth,
      align: 'left',
    });
    doc.y = y + 12 * LINE;
    doc.font(PDF_FONT.regular).fontSize(11);
    for (const entry of m.recipients.entries) {
      doc.text(entry, area.left, doc.y, { width: leftWidth, align: 'left' });
    }
    bottom = doc.y;
  }
  if (m.signature) {
    bottom = Math.max(
      bottom,
      drawSignature(doc, m.signature, {
        x: area.left + leftWidth,
        y,
        width: area.width - leftWidth,
      }),
    );
  }
  doc.x = area.left;
  doc.y = bottom;
}
