import 'reflect-metadata';
import { runStandalone } from '@ttkt/messaging';
import { REVIEW_SERVICE, startReviewService } from './review.service';

void runStandalone(REVIEW_SERVICE, { port: 3004 }, startReviewService);
