import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  GET_TENANT,
  GetTenantQuery,
  LIST_TENANTS,
  ListTenantsQuery,
  type TenantView,
} from '@ttkt/contracts';
import {
  answer,
  SERVICE_INFRASTRUCTURE,
  validateCommand,
  type ServiceInfrastructure,
} from '@ttkt/messaging';
import { dayOf } from '../../calendar';
import { listTenants, readTenant } from '../tenant.table';

/** `directory.get-tenant` and `directory.list-tenants`, from the tenants table. */
@Controller()
export class TenantsQueryController {
  constructor(
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
  ) {}

  @MessagePattern(GET_TENANT)
  get(@Payload() payload: unknown): Promise<TenantView> {
    const query = validateCommand(GetTenantQuery, payload);
    const { pool, schema, clock } = this.infrastructure;
    return answer(() => readTenant(pool, schema, query.tenantId, query.asOf ?? dayOf(clock.now())));
  }

  @MessagePattern(LIST_TENANTS)
  list(@Payload() payload: unknown): Promise<{ items: TenantView[] }> {
    const query = validateCommand(ListTenantsQuery, payload);
    const { pool, schema, clock } = this.infrastructure;
    return answer(async () => ({
      items: await listTenants(pool, schema, query.asOf ?? dayOf(clock.now())),
    }));
  }
}
