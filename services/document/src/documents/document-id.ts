import { createHash } from 'node:crypto';
import type { DocumentSourceKind, GeneratedDocumentKind } from '@ttkt/contracts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The namespace of generated documents' ids (a fixed random UUID; never change it). */
export const DOCUMENT_ID_NAMESPACE = '422dd26a-5e20-47bd-bec6-bd39d5299569';

/**
 * A name-based UUID, version 5 (RFC 4122 §4.3, RFC 9562 §5.5): the SHA-1 of the namespace's 16
 * bytes followed by the name's UTF-8 bytes, its first 16 bytes with the version (5) and the
 * variant (10xx) set. The same namespace and name always give the same UUID. Pure.
 */
export function uuidV5(name: string, namespace: string): string {
  if (!UUID.test(namespace)) throw new RangeError(`not a UUID: ${namespace}`);
  const bytes = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(Buffer.from(name, 'utf8'))
    .digest()
    .subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** What names one generated document: its source, its kind, and which one of that kind. */
export interface DocumentKey {
  tenantId: string;
  source: { kind: DocumentSourceKind; id: string };
  kind: GeneratedDocumentKind;
  /** Which document of the kind: the awardee's dossier for a certificate, `''` for the only one. */
  discriminator: string;
}

/**
 * The id of a generated document: a UUID v5 of its tenant, source, kind and discriminator. A
 * redelivered event, or the same event handled twice, names the same documents, so their streams
 * already exist and nothing is requested twice.
 */
export function documentIdOf(key: DocumentKey): string {
  return uuidV5(
    JSON.stringify([key.tenantId, key.source.kind, key.source.id, key.kind, key.discriminator]),
    DOCUMENT_ID_NAMESPACE,
  );
}
