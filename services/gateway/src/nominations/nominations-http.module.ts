import { Module } from '@nestjs/common';
import { DocumentUploadGuard } from './document-upload.guard';
import { NominationsHttpController } from './nominations.http.controller';

/**
 * The gateway's dossier routes (API.md, Nominations). Needs `BLOB_STORE` and `UPLOAD_MAX_BYTES`
 * from `startGateway`'s configuration module.
 */
@Module({ controllers: [NominationsHttpController], providers: [DocumentUploadGuard] })
export class NominationsHttpModule {}
