import { Module } from '@nestjs/common';
import { CampaignCopy } from '../copies/campaign-copy';
import { HoldsCopy } from '../copies/holds-copy';
import { CampaignEventsHandler } from '../integration/campaign-events.handler';
import { NominationEventsHandler } from '../integration/nomination-events.handler';
import { AcceptDossierController } from './accept-dossier/accept-dossier.controller';
import { CampaignCloseRule } from './campaign-close-rule';
import {
  DEFAULT_DOSSIER_ARRIVAL_WAIT_MS,
  DOSSIER_ARRIVAL_WAIT_MS,
  DossierCommands,
} from './dossier-commands';
import { DossierReads } from './dossier-reads';
import { DossierStreams } from './dossier-streams';
import { ReturnDossierController } from './return-dossier/return-dossier.controller';

/**
 * The dossiers as review sees them: their streams and read table (used by sessions, decisions and
 * proposals through {@link DossierStreams} and {@link DossierReads}), the secretariat's accept and
 * return, the copies of campaigns and holds, the campaign's close rule (also applied by sessions
 * and awards through {@link CampaignCloseRule}), and the reactions to nomination's and the
 * campaign's events.
 */
@Module({
  controllers: [AcceptDossierController, ReturnDossierController],
  providers: [
    DossierStreams,
    DossierReads,
    DossierCommands,
    { provide: DOSSIER_ARRIVAL_WAIT_MS, useValue: DEFAULT_DOSSIER_ARRIVAL_WAIT_MS },
    CampaignCopy,
    CampaignCloseRule,
    HoldsCopy,
    NominationEventsHandler,
    CampaignEventsHandler,
  ],
  exports: [
    DossierStreams,
    DossierReads,
    CampaignCopy,
    CampaignCloseRule,
    HoldsCopy,
    NominationEventsHandler,
    CampaignEventsHandler,
  ],
})
export class DossiersModule {}
