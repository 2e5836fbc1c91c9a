import { Module } from '@nestjs/common';
import { CampaignCopy } from '../copies/campaign-copy';
import { DirectoryCopy } from '../copies/directory-copy';
import { HoldChangesHandler } from '../integration/hold-changes.handler';
import { ReviewOutcomesHandler } from '../integration/review-outcomes.handler';
import { NominationQueriesController } from '../read-model/nomination-queries.controller';
import { NominationReadRepository } from '../read-model/nomination-read.repository';
import { AttachDocumentController } from './attach-document/attach-document.controller';
import { NominateController } from './nominate/nominate.controller';
import { NominationCommands } from './nomination-commands';
import { NominationFacts } from './nomination-facts';
import { RemoveDocumentController } from './remove-document/remove-document.controller';
import { SubmitNominationController } from './submit-nomination/submit-nomination.controller';
import { WithdrawNominationController } from './withdraw-nomination/withdraw-nomination.controller';

/** The dossier stream's commands and queries, its read table, the copies and the reactions. */
@Module({
  controllers: [
    NominateController,
    AttachDocumentController,
    RemoveDocumentController,
    SubmitNominationController,
    WithdrawNominationController,
    NominationQueriesController,
  ],
  providers: [
    NominationCommands,
    NominationFacts,
    NominationReadRepository,
    CampaignCopy,
    DirectoryCopy,
    HoldChangesHandler,
    ReviewOutcomesHandler,
  ],
  exports: [CampaignCopy, DirectoryCopy, HoldChangesHandler, ReviewOutcomesHandler],
})
export class NominationsModule {}
