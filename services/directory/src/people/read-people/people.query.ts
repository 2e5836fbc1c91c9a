import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  GET_PERSON,
  GetPersonQuery,
  LIST_PEOPLE,
  ListPeopleQuery,
  type ListPage,
  type PersonView,
} from '@ttkt/contracts';
import {
  answer,
  SERVICE_INFRASTRUCTURE,
  validateCommand,
  type ServiceInfrastructure,
} from '@ttkt/messaging';
import { comparePeopleNames } from '../../vietnamese-name';
import { readPerson, selectPeople } from '../person.table';

const DEFAULT_LIMIT = 50;

/**
 * `directory.get-person` and `directory.list-people`. The list is sorted in Node with the
 * Vietnamese collator (an agency has hundreds of people, not millions); the cursor is the offset.
 */
@Controller()
export class PeopleQueryController {
  constructor(
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
  ) {}

  @MessagePattern(GET_PERSON)
  get(@Payload() payload: unknown): Promise<PersonView> {
    const query = validateCommand(GetPersonQuery, payload);
    const { pool, schema } = this.infrastructure;
    return answer(() => readPerson(pool, schema, query.tenantId, query.personId));
  }

  @MessagePattern(LIST_PEOPLE)
  list(@Payload() payload: unknown): Promise<ListPage<PersonView>> {
    const { limit, cursor, ...filter } = validateCommand(ListPeopleQuery, payload);
    const { pool, schema } = this.infrastructure;
    return answer(async () => {
      const people = await selectPeople(pool, schema, filter);
      people.sort((a, b) => comparePeopleNames(a.fullName, b.fullName) || a.id.localeCompare(b.id));
      const offset = Number(cursor ?? 0);
      const end = offset + (limit ?? DEFAULT_LIMIT);
      return {
        items: people.slice(offset, end),
        nextCursor: end < people.length ? String(end) : null,
      };
    });
  }
}
