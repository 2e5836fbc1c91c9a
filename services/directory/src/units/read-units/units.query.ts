import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { LIST_UNITS, ListUnitsQuery, type UnitView } from '@ttkt/contracts';
import {
  answer,
  SERVICE_INFRASTRUCTURE,
  validateCommand,
  type ServiceInfrastructure,
} from '@ttkt/messaging';
import { listUnits } from '../unit.table';

/** `directory.list-units`, from the units table. */
@Controller()
export class UnitsQueryController {
  constructor(
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
  ) {}

  @MessagePattern(LIST_UNITS)
  list(@Payload() payload: unknown): Promise<{ items: UnitView[] }> {
    const query = validateCommand(ListUnitsQuery, payload);
    const { pool, schema } = this.infrastructure;
    return answer(async () => ({
      items: await listUnits(pool, schema, query.tenantId, query.agencyId),
    }));
  }
}
