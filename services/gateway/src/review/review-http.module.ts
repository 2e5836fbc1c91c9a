import { Module } from '@nestjs/common';
import { AwardsHttpController } from './awards.http.controller';
import { CouncilHttpController } from './council.http.controller';
import { DossierReviewHttpController } from './dossier-review.http.controller';

/**
 * The gateway's review routes (API.md, Review and decisions, and the added council, sessions
 * list and quota reads): dossier acceptance and return, the council and its sessions, decisions
 * and proposals. The review service decides; these routes check visibility and roles.
 */
@Module({
  controllers: [DossierReviewHttpController, CouncilHttpController, AwardsHttpController],
})
export class ReviewHttpModule {}
