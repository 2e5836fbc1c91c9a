import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import type { BlobStore } from '@ttkt/blob-store';
import type { DocumentFileView } from '@ttkt/contracts';
import {
  VersionConflict,
  type AppendMetadata,
  type Clock,
  type EventStore,
  type StreamRef,
} from '@ttkt/event-store';
import { CLOCK, EVENT_STORE } from '@ttkt/messaging';
import { Readable } from 'node:stream';
import type { GenerateFiles } from '../generation/generate';
import { DocumentReads, type ClaimedDocument } from './document-reads';
import {
  DOCUMENT_BLOB_STORE,
  DOCUMENT_GENERATOR,
  DOCUMENT_WORKER_OPTIONS,
  retryDelayAfter,
  type DocumentWorkerOptions,
} from './document-worker.config';
import { documentStreamId, type DocumentEvent } from './document.events';
import { evolveDocument, foldDocument, type ExistingDocument } from './document.state';
import { toDocumentView } from './document.view';

/** How long after a new request the worker looks (the request's transaction commits meanwhile). */
const NUDGE_DELAY_MS = 25;
/** The longest error kept in an event. */
const MAX_ERROR_LENGTH = 2_000;

/**
 * Generates pending documents off the request path. Started with the service's application and
 * stopped with it (before its pool closes): every `pollMs`, or soon after a request, it claims up
 * to `batchSize` due documents in one short statement (a lease, `FOR UPDATE SKIP LOCKED`, so
 * workers of several instances never take the same one), then, outside any transaction, reads
 * each one's request from its stream, generates its files, stores them in the blob store and, in
 * a short transaction, appends `DocumentGenerated` (read table `ready`). A failed attempt appends
 * `DocumentGenerationFailed` and the document is due again after a growing pause, `failed` after
 * `maxAttempts`; the other documents go on. A worker that dies leaves its claims to expire.
 */
@Injectable()
export class DocumentWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('document-worker');
  private running: Promise<void> | undefined;
  private stopped = false;
  private wake: (() => void) | undefined;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly reads: DocumentReads,
    @Inject(DOCUMENT_BLOB_STORE) private readonly blobs: BlobStore,
    @Inject(DOCUMENT_GENERATOR) private readonly generate: GenerateFiles,
    @Inject(DOCUMENT_WORKER_OPTIONS) private readonly options: DocumentWorkerOptions,
  ) {}

  onApplicationBootstrap(): void {
    if (this.options.autoStart) this.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.stop();
  }

  /** Starts the loop (once). */
  start(): void {
    if (this.running || this.stopped) return;
    this.running = this.loop();
  }

  /** Stops looking and waits for the documents in hand (their results are recorded). */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.running;
  }

  /** New documents were requested: look soon instead of at the next poll. */
  nudge(): void {
    if (this.stopped) return;
    setTimeout(() => this.wake?.(), NUDGE_DELAY_MS).unref();
  }

  /** Claims one batch of due documents and generates them; resolves with how many it claimed. */
  async runOnce(): Promise<number> {
    const claimed = await this.reads.claim(this.options.batchSize, this.options.leaseMs);
    await Promise.all(claimed.map((document) => this.attempt(document)));
    return claimed.length;
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      let claimed = 0;
      let pause = this.options.pollMs;
      try {
        claimed = await this.runOnce();
      } catch (error) {
        if (this.stopped) break;
        pause = this.options.errorPauseMs;
        this.logger.warn(`looking for pending documents failed: ${messageOf(error)}`);
      }
      if (claimed === 0 && !this.stopped) await this.sleep(pause);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      timer.unref();
      this.wake = done;
    });
  }

  /** One attempt at one claimed document; never rejects (a failure to record is logged). */
  private async attempt({ tenantId, documentId }: ClaimedDocument): Promise<void> {
    const ref: StreamRef = { tenantId, streamId: documentStreamId(documentId) };
    try {
      const stored = await this.store.readStream(ref);
      const state = foldDocument(
        stored.map((event) => ({ type: event.type, data: event.data }) as DocumentEvent),
      );
      // Recorded meanwhile by another worker whose lease ran out: nothing to do.
      if (state.status !== 'pending') return;
      const requested = stored[0];
      const metadata: AppendMetadata = {
        actor: { kind: 'system', id: 'document-worker' },
        ...(requested?.metadata.correlationId
          ? { correlationId: requested.metadata.correlationId }
          : {}),
        ...(requested ? { causationId: requested.eventId } : {}),
      };
      const attempt = state.attempts + 1;
      let files: DocumentFileView[];
      try {
        files = await this.produce(state);
      } catch (error) {
        const retryAfterMs = retryDelayAfter(attempt, this.options);
        const message = messageOf(error).slice(0, MAX_ERROR_LENGTH);
        this.logger.warn(
          `document ${documentId} (${state.facts.kind}), attempt ${attempt}: ${message}` +
            (retryAfterMs === null ? ' — failed' : ` — retried in ${retryAfterMs} ms`),
        );
        await this.record(ref, documentId, state, metadata, retryAfterMs ?? 0, {
          type: 'DocumentGenerationFailed',
          data: {
            ...state.facts,
            error: message,
            attempt,
            final: retryAfterMs === null,
            retryAfterMs,
            failedAt: this.clock.now().toISOString(),
          },
        });
        return;
      }
      await this.record(ref, documentId, state, metadata, 0, {
        type: 'DocumentGenerated',
        data: { ...state.facts, files, attempt, generatedAt: this.clock.now().toISOString() },
      });
    } catch (error) {
      // Its claim runs out and the document is attempted again.
      this.logger.warn(`document ${documentId}: recording the attempt failed: ${messageOf(error)}`);
    }
  }

  /** Generates the files and stores them; their view entries, in the generator's order. */
  private async produce(state: ExistingDocument): Promise<DocumentFileView[]> {
    const generated = await this.generate(state.facts.kind, state.input);
    if (generated.length === 0) throw new Error('the generator produced no file');
    const files: DocumentFileView[] = [];
    for (const file of generated) {
      const stored = await this.blobs.put(Readable.from([file.content]), {
        maxBytes: this.options.maxFileBytes,
        fileName: file.fileName,
      });
      if (stored.mediaType !== file.mediaType) {
        throw new Error(
          `${file.fileName} was stored as ${stored.mediaType}, not the ${file.mediaType} it was generated as`,
        );
      }
      files.push({
        format: file.format,
        sha256: stored.sha256,
        size: stored.size,
        mediaType: stored.mediaType,
        fileName: file.fileName,
      });
    }
    return files;
  }

  /** Appends the attempt's outcome and writes the read table, in one short transaction. */
  private async record(
    ref: StreamRef,
    documentId: string,
    state: ExistingDocument,
    metadata: AppendMetadata,
    retryAfterMs: number,
    event: DocumentEvent,
  ): Promise<void> {
    try {
      await this.store.transaction(async (client) => {
        await this.store.append(ref, state.version, [event], metadata, { client });
        const next = evolveDocument(state, event) as ExistingDocument;
        await this.reads.save(client, ref.tenantId, toDocumentView(documentId, next), retryAfterMs);
      });
    } catch (error) {
      // Another worker (whose lease this one outlived) recorded its attempt first.
      if (error instanceof VersionConflict) return;
      throw error;
    }
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
