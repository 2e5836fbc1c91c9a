/**
 * `Content-Disposition: attachment` for a stored file's original name (RFC 6266): an ASCII
 * `filename` fallback (accents folded, anything else that is not a safe character replaced by
 * `_`) and the exact NFC name as `filename*=UTF-8''…` (RFC 5987 percent-encoding). The name is
 * only ever a label: path separators and control characters never reach the header as such.
 */
export function contentDisposition(fileName: string): string {
  const name = fileName.normalize('NFC');
  const fallback =
    name
      .replace(/[đĐ]/g, (letter) => (letter === 'đ' ? 'd' : 'D'))
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9._ ()-]/g, '_')
      .replace(/^[.\s]+/, '')
      .slice(0, 150) || 'document';
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeRfc5987(name)}`;
}

/** Percent-encodes UTF-8 as RFC 5987's `value-chars` allow (attr-char stays as it is). */
export function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
