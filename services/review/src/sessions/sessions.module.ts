import { Module } from '@nestjs/common';
import { ConfigureCouncilController } from '../council/configure-council/configure-council.controller';
import { CouncilQueriesController } from '../council/council-queries.controller';
import { CouncilStreams } from '../council/council-streams';
import { DossiersModule } from '../dossiers/dossiers.module';
import { CastVoteController } from './cast-vote/cast-vote.controller';
import { CloseSessionController } from './close-session/close-session.controller';
import { OpenSessionController } from './open-session/open-session.controller';
import { RecordTieBreakController } from './record-tie-break/record-tie-break.controller';
import { SessionCommands } from './session-commands';
import { SessionHistory } from './session-history';
import { SessionQueriesController } from './session-queries.controller';
import { SessionReads } from './session-reads';
import { SessionResults } from './session-results';

/**
 * The agencies' councils (dated configurations) and their sessions: opening, votes (open, or
 * secret with the choices counted apart), closing with the tally and the dossiers' outcomes,
 * tie-breaks, and the reads. Exports {@link SessionResults} (for decisions and proposals) and
 * {@link SessionHistory} (for a dossier's history).
 */
@Module({
  imports: [DossiersModule],
  controllers: [
    ConfigureCouncilController,
    CouncilQueriesController,
    OpenSessionController,
    CastVoteController,
    CloseSessionController,
    RecordTieBreakController,
    SessionQueriesController,
  ],
  providers: [CouncilStreams, SessionCommands, SessionReads, SessionResults, SessionHistory],
  exports: [SessionResults, SessionHistory],
})
export class SessionsModule {}
