import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  GET_AGENCY,
  GetAgencyQuery,
  LIST_AGENCIES,
  ListAgenciesQuery,
  type AgencyView,
} from '@ttkt/contracts';
import {
  answer,
  SERVICE_INFRASTRUCTURE,
  validateCommand,
  type ServiceInfrastructure,
} from '@ttkt/messaging';
import { dayOf } from '../../calendar';
import { listAgencies, readAgency } from '../agency.table';

/** `directory.get-agency` and `directory.list-agencies`, from the agencies table. */
@Controller()
export class AgenciesQueryController {
  constructor(
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
  ) {}

  @MessagePattern(GET_AGENCY)
  get(@Payload() payload: unknown): Promise<AgencyView> {
    const query = validateCommand(GetAgencyQuery, payload);
    const { pool, schema, clock } = this.infrastructure;
    return answer(() =>
      readAgency(pool, schema, query.tenantId, query.agencyId, query.asOf ?? dayOf(clock.now())),
    );
  }

  /** With `asOf`, only the agencies in force that day; without, all (named as of today). */
  @MessagePattern(LIST_AGENCIES)
  list(@Payload() payload: unknown): Promise<{ items: AgencyView[] }> {
    const query = validateCommand(ListAgenciesQuery, payload);
    const { pool, schema, clock } = this.infrastructure;
    return answer(async () => ({
      items: await listAgencies(
        pool,
        schema,
        query.tenantId,
        query.asOf ?? dayOf(clock.now()),
        query.agencyIds,
        query.asOf,
      ),
    }));
  }
}
