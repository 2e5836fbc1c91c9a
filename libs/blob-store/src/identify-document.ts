import { fromBuffer, type FileTypeResult } from 'file-type';
import { BlobTypeNotAllowed } from './blob-errors';
import { readCfbEntryNames } from './cfb-inspection';
import { ALLOWED_DOCUMENT_TYPES, type ArchiveLimits, type DocumentType } from './document-types';
import { inspectZip } from './zip-inspection';

/** How many leading bytes the sniffer needs (file-type's own sample size). */
export const SNIFF_BYTES = 4100;

const ZIP_LOCAL_HEADER = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * Decides the type of the complete file at `file` from its content: `head` (its first
 * {@link SNIFF_BYTES} bytes) goes to file-type; a zip is then judged by its central directory
 * (DOCX, XLSX, ODT, after the zip-bomb checks), a compound file by its directory (DOC, XLS).
 * Throws `BlobTypeNotAllowed` for anything else, `UnsafeArchive` for an unsafe zip.
 */
export async function identifyDocument(
  file: string,
  head: Buffer,
  limits: ArchiveLimits,
  fileName?: string,
): Promise<DocumentType> {
  const sniffed = await fromBuffer(head);
  if (sniffed === undefined) throw new BlobTypeNotAllowed('unknown', fileName);
  if (sniffed.ext === 'pdf') return ALLOWED_DOCUMENT_TYPES.pdf;
  if (sniffed.ext === 'jpg') return ALLOWED_DOCUMENT_TYPES.jpg;
  if (sniffed.ext === 'png') return ALLOWED_DOCUMENT_TYPES.png;
  if (sniffed.ext === 'cfb') return identifyCompoundFile(file, fileName);
  if (head.subarray(0, 4).equals(ZIP_LOCAL_HEADER)) {
    // file-type reads the ODF `mimetype` entry (stored, first) from the head; the OOXML kind
    // comes from the central directory, which lists every part wherever it sits in the file.
    const names = await inspectZip(file, limits);
    return identifyOfficeArchive(names, sniffed, fileName);
  }
  throw new BlobTypeNotAllowed(sniffed.mime, fileName);
}

function identifyOfficeArchive(
  names: Set<string>,
  sniffed: FileTypeResult,
  fileName: string | undefined,
): DocumentType {
  const parts = [...names];
  if (sniffed.ext === 'odt' && names.has('content.xml')) return ALLOWED_DOCUMENT_TYPES.odt;
  if (names.has('[Content_Types].xml')) {
    const word = parts.some((name) => name.startsWith('word/'));
    const excel = parts.some((name) => name.startsWith('xl/'));
    const macros = parts.some((name) => /(^|\/)vbaProject\.bin$/i.test(name));
    if (macros) {
      throw new BlobTypeNotAllowed('application/vnd.ms-office.vbaProject (macros)', fileName);
    }
    if (word && !excel) return ALLOWED_DOCUMENT_TYPES.docx;
    if (excel && !word) return ALLOWED_DOCUMENT_TYPES.xlsx;
  }
  throw new BlobTypeNotAllowed(sniffed.mime, fileName);
}

async function identifyCompoundFile(
  file: string,
  fileName: string | undefined,
): Promise<DocumentType> {
  const names = await readCfbEntryNames(file);
  if (names === undefined) throw new BlobTypeNotAllowed('application/x-cfb (damaged)', fileName);
  if (names.has('Macros') || names.has('_VBA_PROJECT_CUR')) {
    throw new BlobTypeNotAllowed('application/x-cfb (macros)', fileName);
  }
  const word = names.has('WordDocument');
  const excel = names.has('Workbook') || names.has('Book');
  if (word && !excel) return ALLOWED_DOCUMENT_TYPES.doc;
  if (excel && !word) return ALLOWED_DOCUMENT_TYPES.xls;
  throw new BlobTypeNotAllowed('application/x-cfb', fileName);
}
