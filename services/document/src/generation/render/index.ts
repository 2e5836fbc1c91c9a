/** The renderers of generated documents: PDF (pdfkit + Tinos), DOCX (docx), XLSX (exceljs). */
export { renderPdf } from './render-pdf';
export { renderDocx } from './render-docx';
export { renderCertificatesPdf, renderCertificateDocx } from './render-certificate';
export { renderXlsx, SHEET_NAME } from './render-xlsx';
export { A4_MM, MARGINS_MM, MOTTO, NATIONAL_NAME, PRODUCER } from './common';
