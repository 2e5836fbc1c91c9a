import 'reflect-metadata';
import { runStandalone } from '@ttkt/messaging';
import { NOMINATION_SERVICE, startNominationService } from './nomination.service';

void runStandalone(NOMINATION_SERVICE, { port: 3003 }, startNominationService);
