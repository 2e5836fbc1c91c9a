import {
  AlignmentType,
  BorderStyle,
  PageBorderDisplay,
  PageBorderOffsetFrom,
  Paragraph,
} from 'docx';
import type { CertificateModel } from '../model';
import { caps, mm, nfcDeep } from './common';
import { PDF_FONT } from './fonts';
import {
  columns,
  contentWidthTwip,
  headerTable,
  oneLineParagraph,
  packDocx,
  run,
  signatureParagraphs,
} from './docx-layout';
import {
  drawHeader,
  drawSignature,
  LINE,
  newPdf,
  oneLine,
  pdfBytes,
  signatureHeight,
  type Pdf,
} from './pdf-layout';

/** The colour of the border and the award name. */
const ACCENT = '#9B1B1B';
/** Side margin of a certificate's text (both sides, so it is centred on the page). */
const SIDE = mm(30);

/**
 * Renders certificates (Giấy khen) as one PDF, one A4 landscape page each: a double border, the
 * header, the issuer line, the award name, "Tặng" and the recipient, the achievement, the
 * decision and golden-book lines, the place and date and the signature. Same models, same bytes.
 */
export async function renderCertificatesPdf(models: CertificateModel[]): Promise<Buffer> {
  const first = models[0];
  if (!first) throw new Error('No certificate to render');
  const doc = newPdf('landscape', first.meta);
  for (const model of models) drawCertificate(doc, nfcDeep(model));
  return pdfBytes(doc);
}

function drawCertificate(doc: Pdf, c: CertificateModel): void {
  doc.addPage();
  const { width: pageWidth, height: pageHeight } = doc.page;
  doc
    .save()
    .strokeColor(ACCENT)
    .lineWidth(3)
    .rect(mm(10), mm(10), pageWidth - mm(20), pageHeight - mm(20))
    .stroke()
    .lineWidth(1)
    .rect(mm(13), mm(13), pageWidth - mm(26), pageHeight - mm(26))
    .stroke()
    .restore();

  const left = SIDE;
  const width = pageWidth - 2 * SIDE;
  const top = mm(20);
  const bottom = pageHeight - mm(20);
  const headerBottom = drawHeader(
    doc,
    c.header,
    { left, top, width },
    { numberLine: false, placeAndDate: false },
  );

  // The bottom block is anchored to the bottom margin; the texts above it are centred in the
  // space left, the detail and achievement shrinking (down to 10 pt) when they are long.
  const blockTop = bottom - 14 * LINE - signatureHeight(c.signature) - 4;
  const fixed = 15 * LINE + 10 + 40 * LINE + 4 + 16 * LINE + 4 + 24 * LINE + 8;
  const middle = [c.recipientDetail, c.achievement].filter((t): t is string => !!t);
  const heightAt = (s: number): number => {
    doc.font(PDF_FONT.regular).fontSize(s);
    return middle.reduce((h, t) => h + doc.heightOfString(t, { width, align: 'center' }) + 4, 0);
  };
  const room = blockTop - 8 - headerBottom - 12;
  let size = 16;
  while (size > 10 && fixed + heightAt(size) > room) size -= 0.5;
  let y = headerBottom + 12 + Math.max(0, (room - fixed - heightAt(size)) / 2);

  oneLine(doc, caps(c.issuerLine), { face: 'bold', size: 15, x: left, y, width });
  y += 15 * LINE + 10;
  doc.fillColor(ACCENT);
  oneLine(doc, caps(c.awardName), { face: 'bold', size: 40, x: left, y, width });
  doc.fillColor('black');
  y += 40 * LINE + 4;
  oneLine(doc, 'Tặng', { face: 'italic', size: 16, x: left, y, width });
  y += 16 * LINE + 4;
  oneLine(doc, c.recipientName, { face: 'bold', size: 24, x: left, y, width, minSize: 12 });
  y += 24 * LINE + 8;
  doc.font(PDF_FONT.regular).fontSize(size);
  for (const text of middle) {
    doc.text(text, left, y, { width, align: 'center' });
    y = doc.y + 4;
  }

  const half = width / 2;
  const rightX = left + half;
  let ly = blockTop + 14 * LINE;
  for (const line of [c.decisionLine, c.goldenBookLine]) {
    if (!line) continue;
    oneLine(doc, line, { face: 'regular', size: 13, x: left, y: ly, width: half * 0.8 });
    ly += 13 * LINE + 2;
  }
  oneLine(doc, c.placeAndDate, { face: 'italic', size: 14, x: rightX, y: blockTop, width: half });
  drawSignature(doc, c.signature, { x: rightX, y: blockTop + 14 * LINE, width: half });
}

/**
 * Renders one certificate as DOCX (A4 landscape, double page border, Times New Roman), the same
 * content as the PDF, for editing. Same model, same bytes.
 */
export async function renderCertificateDocx(model: CertificateModel): Promise<Buffer> {
  const c = nfcDeep(model);
  const width = contentWidthTwip('landscape');
  const widthPt = width / 20;
  const centred = (text: string, size: number, style: { bold?: boolean; italics?: boolean } = {}) =>
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 80 },
      children: [run(text, { ...style, size })],
    });
  const half = Math.round(width / 2);
  const halfPt = half / 20 - (2 * 108) / 20;
  const border = { style: BorderStyle.DOUBLE, size: 18, color: ACCENT.slice(1), space: 28 };
  return packDocx(
    'landscape',
    c.meta,
    [
      headerTable(c.header, width, { numberLine: false, placeAndDate: false }),
      new Paragraph({ children: [] }),
      oneLineParagraph(caps(c.issuerLine), { size: 15, bold: true }, widthPt, { spacingBefore: 6 }),
      oneLineParagraph(caps(c.awardName), { size: 36, bold: true }, widthPt, { spacingBefore: 6 }),
      centred('Tặng', 16, { italics: true }),
      oneLineParagraph(c.recipientName, { size: 24, bold: true }, widthPt),
      ...(c.recipientDetail ? [centred(c.recipientDetail, 16)] : []),
      centred(c.achievement, 16),
      new Paragraph({ children: [] }),
      columns(
        [half, width - half],
        [
          [
            new Paragraph({ children: [] }),
            ...[c.decisionLine, c.goldenBookLine]
              .filter((l) => !!l)
              .map((line) => new Paragraph({ children: [run(line, { size: 13 })] })),
          ],
          [
            oneLineParagraph(c.placeAndDate, { size: 14, italics: true }, halfPt),
            ...signatureParagraphs(c.signature, halfPt),
          ],
        ],
      ),
    ],
    {
      borders: {
        pageBorders: {
          display: PageBorderDisplay.ALL_PAGES,
          offsetFrom: PageBorderOffsetFrom.PAGE,
        },
        pageBorderTop: border,
        pageBorderBottom: border,
        pageBorderLeft: border,
        pageBorderRight: border,
      },
    },
  );
}
