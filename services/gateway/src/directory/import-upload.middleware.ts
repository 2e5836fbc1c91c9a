import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import multer from 'multer';
import { ProblemException } from '../problem/problem.exception';
import { MAX_IMPORT_BYTES } from './people-import.parser';

/**
 * Reads the `file` of a `multipart/form-data` import into memory (at most
 * {@link MAX_IMPORT_BYTES}, else `413`) before the guard and the idempotency interceptor run, so
 * the key's fingerprint covers the file. Other content types pass through untouched.
 */
@Injectable()
export class ImportUploadMiddleware implements NestMiddleware {
  private readonly upload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 5, parts: 6 },
  }).single('file');

  use(request: Request, response: Response, next: NextFunction): void {
    this.upload(request, response, (error: unknown) => {
      if (!error) return next();
      if (error instanceof multer.MulterError) {
        if (error.code === 'LIMIT_FILE_SIZE')
          return next(new ProblemException('payload-too-large'));
        return next(
          new ProblemException('validation-failed', [
            { path: error.field ?? 'file', message: 'upload' },
          ]),
        );
      }
      next(new ProblemException('validation-failed', [{ path: 'file', message: 'upload' }]));
    });
  }
}
