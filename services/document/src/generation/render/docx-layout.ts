import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  Document,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type ISectionOptions,
} from 'docx';
import type { OfficialHeader, SignatureBlock } from '../model';
import {
  A4_MM,
  caps,
  documentInstant,
  fixZipTimes,
  MARGINS_MM,
  MOTTO,
  NATIONAL_NAME,
  PRODUCER,
} from './common';
import { fitSize, OFFICE_FONT, textWidth, type FontFace } from './fonts';
import { signatureLines } from './pdf-layout';

/** Twips per point. */
const TWIP_PER_PT = 20;
/** Word's default left+right cell margins (108 twips each), in points. */
const CELL_MARGINS_PT = (2 * 108) / TWIP_PER_PT;

/** Options of {@link run}. */
export interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  /** Size in points. */
  size?: number;
}

/** A run of text (Times New Roman comes from the document's default style). */
export const run = (text: string, style: RunStyle = {}): TextRun =>
  new TextRun({
    text,
    bold: style.bold,
    italics: style.italics,
    size: style.size === undefined ? undefined : Math.round(style.size * 2),
  });

/** The Tinos face matching a run style (for measuring). */
const faceOf = (style: RunStyle): FontFace =>
  style.bold && style.italics
    ? 'boldItalic'
    : style.bold
      ? 'bold'
      : style.italics
        ? 'italic'
        : 'regular';

/** A centred paragraph on ONE line: the size shrinks (half points) until it fits `widthPt`. */
export function oneLineParagraph(
  text: string,
  style: RunStyle & { size: number },
  widthPt: number,
  extra: { spacingBefore?: number; rule?: 'under' } = {},
): Paragraph {
  // A little slack: Word and Tinos agree on metrics, not necessarily on rounding.
  const size = fitSize(text, faceOf(style), style.size, widthPt - 4);
  const border =
    extra.rule === 'under'
      ? { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } }
      : undefined;
  // A rule as wide as the text: the paragraph's border, indented to the text's width.
  const side =
    extra.rule === 'under'
      ? Math.max(
          0,
          Math.floor(((widthPt - textWidth(text, faceOf(style), size)) / 2) * TWIP_PER_PT),
        )
      : 0;
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: (extra.spacingBefore ?? 0) * TWIP_PER_PT, after: 0 },
    indent: side ? { left: side, right: side } : undefined,
    border,
    children: [run(text, { ...style, size })],
  });
}

/** An empty paragraph drawing a centred rule `lengthPt` long in a space `widthPt` wide. */
export function ruleParagraph(lengthPt: number, widthPt: number): Paragraph {
  const side = Math.max(0, Math.floor(((widthPt - lengthPt) / 2) * TWIP_PER_PT));
  return new Paragraph({
    spacing: { before: 0, after: 0, line: 120 },
    indent: { left: side, right: side },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [run('', { size: 4 })],
  });
}

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_CELL_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER };

/** A borderless table of columns laid side by side (header, closing block). */
export function columns(widthsTwip: number[], cells: Paragraph[][]): Table {
  return new Table({
    width: { size: widthsTwip.reduce((s, w) => s + w, 0), type: WidthType.DXA },
    columnWidths: widthsTwip,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        children: cells.map(
          (children, i) =>
            new TableCell({
              borders: NO_CELL_BORDERS,
              width: { size: widthsTwip[i] ?? 0, type: WidthType.DXA },
              children,
            }),
        ),
      }),
    ],
  });
}

/** The text width of a section in twips. */
export function contentWidthTwip(orientation: 'portrait' | 'landscape'): number {
  const pageWidth = orientation === 'portrait' ? A4_MM.width : A4_MM.height;
  return convertMillimetersToTwip(pageWidth - MARGINS_MM.left - MARGINS_MM.right);
}

/**
 * The Decree 30 header as a borderless two-column table: parent and issuing body (caps, the
 * latter bold, with a short rule) and `Số: …` on the left; national name, motto with a rule its
 * width, and the italic place and date on the right. Each line stays on one line.
 */
export function headerTable(
  header: OfficialHeader,
  widthTwip: number,
  options: { numberLine: boolean; placeAndDate: boolean; leftShare?: number },
): Table {
  const left = Math.round(widthTwip * (options.leftShare ?? 0.45));
  const right = widthTwip - left;
  const leftPt = left / TWIP_PER_PT - CELL_MARGINS_PT;
  const rightPt = right / TWIP_PER_PT - CELL_MARGINS_PT;
  const issuing = caps(header.issuingBody);
  const issuingSize = fitSize(issuing, 'bold', 13, leftPt - 4);
  const leftCell = [
    ...(header.parentBody ? [oneLineParagraph(caps(header.parentBody), { size: 13 }, leftPt)] : []),
    oneLineParagraph(issuing, { size: 13, bold: true }, leftPt),
    ruleParagraph(Math.max(42, textWidth(issuing, 'bold', issuingSize) * 0.4), leftPt),
    ...(options.numberLine && header.numberLine
      ? [oneLineParagraph(header.numberLine, { size: 13 }, leftPt, { spacingBefore: 6 })]
      : []),
  ];
  const rightCell = [
    oneLineParagraph(NATIONAL_NAME, { size: 12, bold: true }, rightPt),
    oneLineParagraph(MOTTO, { size: 13, bold: true }, rightPt, { rule: 'under' }),
    ...(options.placeAndDate && header.placeAndDate
      ? [
          oneLineParagraph(header.placeAndDate, { size: 14, italics: true }, rightPt, {
            spacingBefore: 8,
          }),
        ]
      : []),
  ];
  return columns([left, right], [leftCell, rightCell]);
}

/** The signature block's paragraphs (centred, bold, space for the signature before the name). */
export function signatureParagraphs(
  signature: SignatureBlock,
  widthPt: number,
  size = 14,
): Paragraph[] {
  return [
    ...signatureLines(signature).map((line) =>
      oneLineParagraph(line, { size, bold: true }, widthPt),
    ),
    oneLineParagraph(signature.name, { size, bold: true }, widthPt, { spacingBefore: 72 }),
  ];
}

const xmlEscape = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** docProps/core.xml with fixed dates (docx stamps "now" and has no option for it). */
function coreXml(meta: { date: string; title: string }): string {
  const at = documentInstant(meta.date)
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${xmlEscape(meta.title)}</dc:title>` +
    `<dc:creator>${xmlEscape(PRODUCER)}</dc:creator>` +
    `<cp:lastModifiedBy>${xmlEscape(PRODUCER)}</cp:lastModifiedBy>` +
    '<cp:revision>1</cp:revision>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${at}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${at}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

/**
 * Packs one section into a DOCX: A4 in the given orientation, Decree 30 margins, Times New Roman
 * 14 pt by default, core properties and zip entries dated from the document's date (same model,
 * same bytes).
 */
export async function packDocx(
  orientation: 'portrait' | 'landscape',
  meta: { date: string; title: string },
  children: ISectionOptions['children'],
  page: {
    borders?: NonNullable<NonNullable<ISectionOptions['properties']>['page']>['borders'];
  } = {},
): Promise<Buffer> {
  const document = new Document({
    creator: PRODUCER,
    lastModifiedBy: PRODUCER,
    title: meta.title,
    styles: {
      default: {
        document: {
          run: { font: OFFICE_FONT, size: 28 },
          paragraph: { spacing: { before: 0, after: 0 } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            // docx takes the portrait size and swaps it for landscape itself.
            size: {
              width: convertMillimetersToTwip(A4_MM.width),
              height: convertMillimetersToTwip(A4_MM.height),
              orientation:
                orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
            },
            margin: {
              top: convertMillimetersToTwip(MARGINS_MM.top),
              bottom: convertMillimetersToTwip(MARGINS_MM.bottom),
              left: convertMillimetersToTwip(MARGINS_MM.left),
              right: convertMillimetersToTwip(MARGINS_MM.right),
            },
            borders: page.borders,
          },
        },
        children,
      },
    ],
  });
  const zip = await Packer.toBuffer(document, false, [
    { path: 'docProps/core.xml', data: coreXml(meta) },
  ]);
  return fixZipTimes(zip, meta.date);
}
