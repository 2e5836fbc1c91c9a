import type { RegisterDocumentKind } from './register.events';

/** The symbol (ký hiệu) of a document: its kind and the issuing agency's code, `KH-SKHCN`. */
export function registerSymbol(documentKind: RegisterDocumentKind, agencyCode: string): string {
  return `${documentKind}-${agencyCode}`.normalize('NFC');
}

/**
 * The number and symbol as printed after "Số:" (Decree 30/2020/NĐ-CP), zero-padded below 10:
 * `01/KH-SKHCN`, `27/KH-SKHCN`, `100/QĐ-SKHCN`.
 */
export function formatRegisterNumber(
  number: number,
  documentKind: RegisterDocumentKind,
  agencyCode: string,
): string {
  if (!Number.isSafeInteger(number) || number < 1) {
    throw new RangeError(`A register number is a positive integer, got ${number}`);
  }
  return `${String(number).padStart(2, '0')}/${registerSymbol(documentKind, agencyCode)}`;
}
