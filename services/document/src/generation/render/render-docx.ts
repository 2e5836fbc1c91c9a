import {
  AlignmentType,
  convertMillimetersToTwip,
  PageBreak,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { Block, OfficialDocumentModel } from '../model';
import { caps, nfcDeep, textLines } from './common';
import { textWidth } from './fonts';
import {
  columns,
  contentWidthTwip,
  headerTable,
  oneLineParagraph,
  packDocx,
  ruleParagraph,
  run,
  signatureParagraphs,
} from './docx-layout';

/** First-line indent of indented paragraphs and headings (10 mm, as in the PDF). */
const FIRST_LINE = convertMillimetersToTwip(10);
/** Space after a paragraph: 6 pt. */
const AFTER = 120;
/** Line spacing: 1.1 lines (240 = single). */
const LINE = 264;

/**
 * Renders an administrative document as DOCX (A4, Decree 30/2020 layout, Times New Roman):
 * the same structure as {@link renderPdf}, for editing. Same model, same bytes.
 */
export async function renderDocx(model: OfficialDocumentModel): Promise<Buffer> {
  const m = nfcDeep(model);
  const width = contentWidthTwip(m.orientation);
  const widthPt = width / 20;
  const children: (Paragraph | Table)[] = [
    headerTable(m.header, width, { numberLine: true, placeAndDate: true }),
    new Paragraph({ children: [] }),
  ];
  if (m.typeName) {
    children.push(
      oneLineParagraph(caps(m.typeName), { size: 14, bold: true }, widthPt, { spacingBefore: 6 }),
    );
  }
  const summary = m.summary.flatMap(textLines);
  for (const line of summary) {
    children.push(
      new Paragraph({ alignment: AlignmentType.CENTER, children: [run(line, { bold: true })] }),
    );
  }
  if (summary.length > 0) {
    const widest = Math.max(...summary.map((l) => Math.min(widthPt, textWidth(l, 'bold', 14))));
    children.push(ruleParagraph(Math.max(57, widest / 3), widthPt));
  }
  children.push(new Paragraph({ children: [] }));
  children.push(...blocks(m.body, width));
  const closing = closingTable(m, width);
  if (closing) children.push(new Paragraph({ children: [] }), closing);
  for (const annex of m.annexes) {
    annex.title.flatMap(textLines).forEach((line, i) =>
      children.push(
        new Paragraph({
          alignment: AlignmentType.CENTER,
          pageBreakBefore: i === 0,
          children: [run(line, { bold: true })],
        }),
      ),
    );
    children.push(new Paragraph({ children: [] }), ...blocks(annex.body, width));
  }
  return packDocx(m.orientation, m.meta, children);
}

const ALIGN = {
  justify: AlignmentType.JUSTIFIED,
  center: AlignmentType.CENTER,
  left: AlignmentType.LEFT,
} as const;

/** Body blocks as DOCX paragraphs and tables. */
export function blocks(list: Block[], widthTwip: number): (Paragraph | Table)[] {
  return list.flatMap((block): (Paragraph | Table)[] => {
    switch (block.kind) {
      case 'heading':
        return textLines(block.text).map(
          (line) =>
            new Paragraph({
              alignment: AlignmentType.JUSTIFIED,
              indent: { firstLine: FIRST_LINE },
              spacing: { after: AFTER, line: LINE },
              keepNext: true,
              children: [run(line, { bold: true })],
            }),
        );
      case 'paragraph': {
        const align = block.align ?? 'justify';
        return textLines(block.text).map(
          (line) =>
            new Paragraph({
              alignment: ALIGN[align],
              indent: block.indent && align !== 'center' ? { firstLine: FIRST_LINE } : undefined,
              spacing: { after: AFTER, line: LINE },
              children: [run(line, { bold: block.bold, italics: block.italic })],
            }),
        );
      }
      case 'table':
        return [dataTable(block, widthTwip), new Paragraph({ children: [] })];
      case 'pageBreak':
        return [new Paragraph({ children: [new PageBreak()] })];
    }
  });
}

/** A bordered table across the text width; its header row repeats on every page. */
function dataTable(table: Extract<Block, { kind: 'table' }>, widthTwip: number): Table {
  const size = table.fontSize ?? 13;
  const weights = table.columns.map((c) => (c.width > 0 ? c.width : 1));
  const total = weights.reduce((s, w) => s + w, 0);
  const widths = weights.map((w) => Math.floor((w / total) * widthTwip));
  const cell = (text: string, i: number, header: boolean): TableCell =>
    new TableCell({
      width: { size: widths[i] ?? 0, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      children: textLines(text).map(
        (line) =>
          new Paragraph({
            alignment: header || text.length <= 5 ? AlignmentType.CENTER : AlignmentType.LEFT,
            children: [run(line, { bold: header, size })],
          }),
      ),
    });
  return new Table({
    width: { size: widths.reduce((s, w) => s + w, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: table.columns.map((c, i) => cell(c.title, i, true)),
      }),
      ...table.rows.map(
        (row) =>
          new TableRow({
            cantSplit: true,
            children: table.columns.map((_, i) => cell(row[i] ?? '', i, false)),
          }),
      ),
    ],
  });
}

/** "Nơi nhận:" (12 pt bold italic, entries 11 pt) left, the signature right, side by side. */
function closingTable(m: OfficialDocumentModel, widthTwip: number): Table | null {
  if (!m.recipients && !m.signature) return null;
  const left = Math.round(widthTwip * 0.45);
  const right = widthTwip - left;
  const recipients = m.recipients
    ? [
        new Paragraph({
          children: [run(m.recipients.heading, { bold: true, italics: true, size: 12 })],
        }),
        ...m.recipients.entries.map(
          (entry) => new Paragraph({ children: [run(entry, { size: 11 })] }),
        ),
      ]
    : [new Paragraph({ children: [] })];
  const signature = m.signature
    ? signatureParagraphs(m.signature, right / 20 - (2 * 108) / 20)
    : [new Paragraph({ children: [] })];
  return columns([left, right], [recipients, signature]);
}
