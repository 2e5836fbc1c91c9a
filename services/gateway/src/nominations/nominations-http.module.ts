import { Module } from '@nestjs/common';
import type { BlobStore } from '@ttkt/blob-store';
import { COMMAND_SENDER, type CommandSender } from '@ttkt/messaging';
import { BlobSweeper } from './blob-sweep';
import { BLOB_SWEEP_CONFIG, BLOB_SWEEPER, type BlobSweepConfig } from './blob-sweep.config';
import { PostgresSweepLock } from './blob-sweep-lock';
import { DocumentUploadGuard } from './document-upload.guard';
import { NominationsHttpController } from './nominations.http.controller';
import { BLOB_STORE } from './upload-config';

/**
 * The gateway's dossier routes (API.md, Nominations) and the sweep of blobs neither a dossier nor
 * a generated document records (started and stopped with the application; none without a blob
 * store). Needs `BLOB_STORE`, `UPLOAD_MAX_BYTES` and `BLOB_SWEEP_CONFIG` from `startGateway`'s
 * configuration module.
 */
@Module({
  controllers: [NominationsHttpController],
  providers: [
    DocumentUploadGuard,
    {
      provide: BLOB_SWEEPER,
      inject: [BLOB_STORE, COMMAND_SENDER, BLOB_SWEEP_CONFIG],
      useFactory: (
        store: BlobStore | null,
        sender: CommandSender,
        config: BlobSweepConfig,
      ): BlobSweeper | null =>
        store && config.options !== false
          ? new BlobSweeper(
              {
                store,
                sender,
                lock: config.database
                  ? new PostgresSweepLock(
                      config.database.url,
                      `${config.database.schema}.blob-sweep`,
                    )
                  : null,
              },
              config.options,
            )
          : null,
    },
  ],
})
export class NominationsHttpModule {}
