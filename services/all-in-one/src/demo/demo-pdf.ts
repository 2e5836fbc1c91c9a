/**
 * A small, well-formed one-page PDF (PDF 1.4: catalog, pages, a page with its text, Helvetica,
 * a cross-reference table with exact offsets, trailer): the demo dossiers' documents. The page
 * shows the lines without diacritics (the standard fonts have no Vietnamese glyphs); the document
 * information carries the title in full (UTF-16BE), so a viewer shows it as written.
 */
export function demoPdf(title: string, lines: readonly string[]): Buffer {
  const text = [title, '', ...lines]
    .map((line, index) => `${index === 0 ? '' : '0 -18 Td '}(${pdfString(line)}) Tj`)
    .join('\n');
  const content = `BT\n/F1 12 Tf\n56 780 Td\n${text}\nET\n`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}endstream`,
    `<< /Title <${utf16Hex(title)}> /Producer (Thi dua - Khen thuong, demo) >>`,
  ];
  let body = '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body +=
    `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\n` +
    `startxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** `text` without Vietnamese diacritics, as a PDF literal string's content (escaped). */
function pdfString(text: string): string {
  return withoutDiacritics(text)
    .replace(/[^\x20-\x7e]/g, '?')
    .replace(/[\\()]/g, (character) => `\\${character}`);
}

/** Vietnamese folded to ASCII: `Biên bản họp xét` → `Bien ban hop xet`, `Đ` → `D`. */
export function withoutDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replaceAll('đ', 'd')
    .replaceAll('Đ', 'D');
}

/** A PDF text string in UTF-16BE with its byte-order mark, as hex digits. */
function utf16Hex(text: string): string {
  let hex = 'FEFF';
  for (let index = 0; index < text.length; index++)
    hex += text.charCodeAt(index).toString(16).toUpperCase().padStart(4, '0');
  return hex;
}
