import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import {
  BlobTooLarge,
  BlobTypeNotAllowed,
  UnsafeArchive,
  type BlobStore,
  type StoredBlob,
} from '@ttkt/blob-store';
import { NOMINATION_LIMITS, type NominationView } from '@ttkt/contracts';
import { COMMAND_SENDER, type CommandSender } from '@ttkt/messaging';
import busboy from 'busboy';
import type { Request } from 'express';
import { PassThrough } from 'node:stream';
import type { AuthenticatedRequest, UploadedFile } from '../auth/authorization';
import { ProblemException } from '../problem/problem.exception';
import { RequestContext } from '../request-context';
import { NominationAccess } from './nomination-access';
import { BLOB_STORE, UPLOAD_MAX_BYTES } from './upload-config';

/** What the guard leaves on the request for the route: the stored blob and its dossier. */
export interface StreamedUpload {
  blob: StoredBlob;
  /** The original file name, NFC (never used as a path). */
  fileName: string;
  nomination: NominationView;
}

/** The text fields a document upload may carry besides `file`. */
const UPLOAD_FIELDS = ['documentTypeCode'];

/** The stored upload of a request the guard let through (a bug to call it elsewhere). */
export function streamedUpload(request: Request): StreamedUpload {
  const upload = (request as { streamedUpload?: StreamedUpload }).streamedUpload;
  if (!upload)
    throw new ProblemException('validation-failed', [{ path: 'file', message: 'upload' }]);
  return upload;
}

/**
 * `POST /nominations/{id}/documents`: after the token is verified (the global guard runs first)
 * and before the idempotency interceptor, checks that the caller may act on the dossier, then
 * streams the multipart `file` straight into the blob store — never the whole file in memory —
 * and puts the text fields on `request.body` for the route's DTO.
 *
 * Refusals: a body that is not `multipart/form-data` with one `file` → `400` at `file`; past
 * `UPLOAD_MAX_BYTES` → `413`; a type outside the allow-list → `415`; an unsafe Office archive →
 * `422 unsafe-archive`. On a refusal the rest of the body is read and dropped (the client gets
 * its answer instead of a reset connection) and the store keeps nothing.
 *
 * For `Idempotency-Key`, the request's file is the stored blob's sha256 (the interceptor
 * fingerprints `request.file`): a repeat with the same file and fields replays the first answer.
 */
@Injectable()
export class DocumentUploadGuard implements CanActivate {
  constructor(
    @Inject(COMMAND_SENDER) private readonly sender: CommandSender,
    @Inject(BLOB_STORE) private readonly store: BlobStore | null,
    @Inject(UPLOAD_MAX_BYTES) private readonly maxBytes: number,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (!this.store) throw new ProblemException('service-unavailable', [], { 'Retry-After': '5' });
    const contentType = request.headers['content-type'] ?? '';
    if (!/^multipart\/form-data\s*;/i.test(contentType)) {
      throw new ProblemException('validation-failed', [{ path: 'file', message: 'upload' }]);
    }
    const nominationId = (request.params as Record<string, string | undefined>)['id'] ?? '';
    // A malformed id is the route's 400; nothing is read before the dossier is known.
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(nominationId)) {
      return true;
    }
    const requestContext = new RequestContext(request);
    const access = new NominationAccess(
      this.sender,
      requestContext.user(),
      requestContext.tenantId(),
    );
    const nomination = await access.actionableNomination(nominationId);
    const { blob, fileName, fields } = await this.receive(request, this.store);
    const upload: StreamedUpload = { blob, fileName, nomination };
    Object.assign(request, { streamedUpload: upload });
    request.body = fields;
    // What the idempotency interceptor fingerprints: the content's hash stands for the content.
    const file: UploadedFile = {
      fieldname: 'file',
      originalname: fileName,
      mimetype: blob.mediaType,
      size: blob.size,
      buffer: Buffer.from(blob.sha256, 'hex'),
    };
    Object.assign(request, { file });
    return true;
  }

  /** Parses the multipart body, streaming `file` into the store; settles once the body is read. */
  private receive(
    request: Request,
    store: BlobStore,
  ): Promise<{ blob: StoredBlob; fileName: string; fields: Record<string, string> }> {
    return new Promise((resolve, reject) => {
      const fields: Record<string, string> = {};
      let stored: Promise<StoredBlob> | undefined;
      let source: PassThrough | undefined;
      let fileName = '';
      let refusal: unknown;
      let settled = false;
      const refuse = (problem: unknown): void => {
        refusal ??= problem;
      };
      const badUpload = (path = 'file', message = 'upload'): ProblemException =>
        new ProblemException('validation-failed', [{ path, message }]);

      const finish = async (): Promise<void> => {
        if (settled) return;
        settled = true;
        let blob: StoredBlob | undefined;
        try {
          blob = stored ? await stored : undefined;
        } catch (error) {
          refuse(problemOf(error));
        }
        if (!blob) refuse(badUpload('file', 'isDefined'));
        // A refused request's new blob is left to the store's collection of unreferenced blobs:
        // deleting it here could delete the same content another request just attached.
        if (refusal !== undefined || !blob) {
          reject(refusal instanceof Error ? refusal : new Error(String(refusal)));
          return;
        }
        resolve({ blob, fileName: fileName || `document.${blob.extension}`, fields });
      };

      let parser: busboy.Busboy;
      try {
        parser = busboy({
          headers: request.headers,
          defParamCharset: 'utf8',
          limits: {
            // One byte past the limit reaches the store, which refuses it: 413.
            fileSize: this.maxBytes + 1,
            files: 1,
            fields: UPLOAD_FIELDS.length,
            fieldSize: 1_000,
            // Busboy signals `partsLimit` on reaching the count (the others on exceeding it).
            parts: UPLOAD_FIELDS.length + 2,
            headerPairs: 50,
          },
        });
      } catch {
        reject(badUpload());
        return;
      }
      parser.on('field', (name, value, info) => {
        if (!UPLOAD_FIELDS.includes(name)) refuse(badUpload(name, 'whitelistValidation'));
        else if (info.valueTruncated) refuse(badUpload(name, 'maxLength'));
        else fields[name] = value.normalize('NFC');
      });
      parser.on('file', (name, file, info) => {
        const original = (info.filename ?? '').normalize('NFC').trim();
        if (
          name !== 'file' ||
          stored ||
          original.length > NOMINATION_LIMITS.fileName ||
          hasControlCharacter(original)
        ) {
          refuse(badUpload(name === 'file' ? 'file' : name));
          file.resume();
          return;
        }
        fileName = original;
        const pass = new PassThrough();
        source = pass;
        file.pipe(pass);
        stored = store.put(pass, { maxBytes: this.maxBytes, ...(fileName ? { fileName } : {}) });
        stored.catch((error: unknown) => {
          // The store stopped reading: drop the rest of the file so the body is read to its end.
          file.unpipe(pass);
          pass.destroy();
          file.resume();
          refuse(problemOf(error));
        });
      });
      parser.on('partsLimit', () => refuse(badUpload()));
      parser.on('filesLimit', () => refuse(badUpload()));
      parser.on('fieldsLimit', () => refuse(badUpload('', 'whitelistValidation')));
      parser.once('close', () => void finish());
      parser.once('error', () => {
        refuse(badUpload());
        request.unpipe(parser);
        request.resume();
        // A file still being stored ends here, with an error.
        source?.destroy(new Error('the multipart body is malformed'));
        void finish();
      });
      request.once('close', () => {
        if (request.complete || settled) return;
        // The client went away mid-body: stop storing; nobody reads the answer.
        refuse(badUpload());
        source?.destroy(new Error('the request was aborted'));
        void finish();
      });
      request.pipe(parser);
    });
  }
}

/** The problem of a store's refusal; anything else is ours and stays as it is (a 500). */
function problemOf(error: unknown): unknown {
  if (error instanceof BlobTooLarge) return new ProblemException('payload-too-large');
  if (error instanceof BlobTypeNotAllowed) return new ProblemException('unsupported-media-type');
  if (error instanceof UnsafeArchive) return new ProblemException('unsafe-archive');
  return error;
}

/** True when `text` holds a C0 control character or DEL (never part of a file's name). */
function hasControlCharacter(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}
