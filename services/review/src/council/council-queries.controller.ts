import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { DomainError, GetCouncilQuery, REVIEW_RPC, type CouncilView } from '@ttkt/contracts';
import { runRpc } from './command-context';
import { CouncilStreams } from './council-streams';

/** RPC entry of `review.get-council`: an agency's council, `not-found` before its first configuration. */
@Controller()
export class CouncilQueriesController {
  constructor(private readonly councils: CouncilStreams) {}

  @MessagePattern(REVIEW_RPC.getCouncil)
  get(@Payload() payload: unknown): Promise<CouncilView> {
    return runRpc(GetCouncilQuery, payload, async (query) => {
      const state = await this.councils.read(query.tenantId, query.agencyId);
      if (state.version === 0) throw new DomainError('not-found', { agencyId: query.agencyId });
      return this.councils.view(query.agencyId, state);
    });
  }
}
