import { Module } from '@nestjs/common';
import { DocumentsHttpController } from './documents.http.controller';

/**
 * The gateway's routes of generated documents (API.md, Documents): metadata, files, a campaign's
 * documents. Needs `BLOB_STORE` from `startGateway`'s configuration module.
 */
@Module({ controllers: [DocumentsHttpController] })
export class DocumentsHttpModule {}
