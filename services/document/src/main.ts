import 'reflect-metadata';
import { runStandalone } from '@ttkt/messaging';
import { DOCUMENT_SERVICE, startDocumentService } from './document.service';

void runStandalone(DOCUMENT_SERVICE, { port: 3006 }, startDocumentService);
