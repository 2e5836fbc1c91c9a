import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { GET_REGISTER, GetRegisterQuery, type RegisterView } from '@ttkt/contracts';
import type { EventStore } from '@ttkt/event-store';
import { answer, EVENT_STORE, validateCommand } from '@ttkt/messaging';
import { loadRegister } from '../register-stream';
import { toRegisterView } from '../register-view';

/** `document.get-register`: an agency's register for a year, folded from its stream. */
@Controller()
export class GetRegisterController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @MessagePattern(GET_REGISTER)
  async register(@Payload() payload: unknown): Promise<RegisterView> {
    const query = validateCommand(GetRegisterQuery, payload);
    return answer(async () =>
      toRegisterView(
        query.agencyId,
        query.year,
        await loadRegister(this.store, query.tenantId, query.agencyId, query.year),
      ),
    );
  }
}
