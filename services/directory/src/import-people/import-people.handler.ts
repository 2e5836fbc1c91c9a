import { Inject, Injectable } from '@nestjs/common';
import {
  DomainError,
  type CommandContext,
  type ImportPeopleResult,
  type ImportRow,
  type ImportRowError,
  type PersonFields,
  type PersonView,
} from '@ttkt/contracts';
import { SERVICE_INFRASTRUCTURE, type ServiceInfrastructure } from '@ttkt/messaging';
import { randomUUID } from 'node:crypto';
import type { PoolClient } from 'pg';
import { agencyExists } from '../agencies/agency.table';
import { dayOf } from '../calendar';
import { decideRegisterPerson } from '../people/register-person/register-person.decide';
import { decideUpdatePerson } from '../people/update-person/update-person.decide';
import { personStreamId } from '../people/person.events';
import { personStream } from '../people/person.state';
import { savePerson, selectPeople } from '../people/person.table';
import { StreamWriter } from '../stream-writer';
import { decideCreateUnit } from '../units/create-unit/create-unit.decide';
import { unitStreamId } from '../units/unit.events';
import { unitStream } from '../units/unit.state';
import { listUnits, saveUnit } from '../units/unit.table';
import { parseImportRow, type ParsedImportRow } from './import-row';
import { PeopleIndex, sameFields } from './people-index';

/** Request paths of the commands a row runs → the row's column keys. */
const COLUMN_OF_PATH: Record<string, string> = {
  code: 'personCode',
  unitId: 'unitCode',
  'changes.unitId': 'unitCode',
  'changes.fullName': 'fullName',
  'changes.dateOfBirth': 'dateOfBirth',
  'changes.gender': 'gender',
  'changes.position': 'position',
};

type RowOutcome = 'imported' | 'unchanged';

/** Rows imported at the same time (each in its own transaction, on its own connection). */
const PARALLEL_ROWS = 4;

/**
 * Imports units and people row by row, each row in its own transaction: the unit when its code
 * is new, then the person — registered, changed when the row differs, or left as it is. The
 * person is found by staff code, else by unit, full name and date of birth, so importing the
 * same file again changes nothing.
 */
@Injectable()
export class ImportPeopleHandler {
  constructor(
    private readonly writer: StreamWriter,
    @Inject(SERVICE_INFRASTRUCTURE) private readonly infrastructure: ServiceInfrastructure,
  ) {}

  async execute(
    context: CommandContext,
    agencyId: string,
    rows: ImportRow[],
  ): Promise<ImportPeopleResult> {
    const { pool, schema, clock } = this.infrastructure;
    const tenantId = context.tenantId;
    if (!(await agencyExists(pool, schema, tenantId, agencyId))) {
      throw new DomainError('not-found', { agencyId });
    }
    const today = dayOf(clock.now());
    const units = new Map(
      (await listUnits(pool, schema, tenantId, agencyId)).map((unit) => [
        unit.code.toLowerCase(),
        unit.id,
      ]),
    );
    const people = new PeopleIndex(await selectPeople(pool, schema, { tenantId, agencyId }));
    const result: ImportPeopleResult = { imported: 0, unchanged: 0, errors: [] };
    const run = async (row: ParsedImportRow): Promise<void> => {
      try {
        const outcome = await this.importRow(context, agencyId, row, { units, people }, today);
        result[outcome] += 1;
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        result.errors.push(...rowErrors(row.row, error));
      }
    };
    const valid: ParsedImportRow[] = [];
    for (const { row, cells, errorCells } of rows) {
      const checked = parseImportRow(row, cells, today, errorCells);
      if ('errors' in checked) result.errors.push(...checked.errors);
      else valid.push(checked.parsed);
    }
    // First, in the file's order, the rows of units not known yet: each new unit is created once,
    // by its first row, before any row that needs it.
    const rest: ParsedImportRow[] = [];
    for (const row of valid) {
      if (units.has(row.unitCode.toLowerCase())) rest.push(row);
      else await run(row);
    }
    // Then the others, a few rows at a time (each waits mostly on PostgreSQL); rows naming the
    // same person stay in the file's order.
    await inParallel(groupBy(rest, identityKey), PARALLEL_ROWS, async (group) => {
      for (const row of group) await run(row);
    });
    result.errors.sort((a, b) => a.row - b.row);
    return result;
  }

  private async importRow(
    context: CommandContext,
    agencyId: string,
    row: ParsedImportRow,
    { units, people }: { units: Map<string, string>; people: PeopleIndex },
    today: string,
  ): Promise<RowOutcome> {
    const { schema } = this.infrastructure;
    const tenantId = context.tenantId;
    const known = units.get(row.unitCode.toLowerCase());
    const unitId = known ?? randomUUID();
    if (known === undefined) {
      if (row.unitName === null) throw rowError('unitCode', 'unknownUnit');
    }
    const parentUnitId =
      row.parentUnitCode === null ? undefined : units.get(row.parentUnitCode.toLowerCase());
    if (known === undefined && row.parentUnitCode !== null && parentUnitId === undefined) {
      throw rowError('parentUnitCode', 'unknownUnit');
    }
    const fields: PersonFields = {
      fullName: row.fullName,
      dateOfBirth: row.dateOfBirth,
      gender: row.gender,
      unitId,
      position: row.position,
    };
    const existing = people.find({ code: row.personCode, ...fields }) ?? null;
    if (existing !== null && sameFields(existing, fields)) return 'unchanged';
    const person = await this.writer.transaction(async (client) => {
      if (known === undefined) {
        await this.writer.writeIn(client, {
          context,
          ref: { tenantId, streamId: unitStreamId(unitId) },
          stream: unitStream,
          facts: () => Promise.resolve({ agencyKnown: true, parentUnitAgencyId: agencyId }),
          decide: (state, facts) =>
            decideCreateUnit(
              {
                agencyId,
                unitId,
                code: row.unitCode,
                name: row.unitName ?? row.unitCode,
                isSecretariat: row.isSecretariat,
                ...(parentUnitId === undefined ? {} : { parentUnitId }),
              },
              state,
              facts,
            ),
          save: (tx, state) => saveUnit(tx, schema, tenantId, state),
        });
      }
      return this.writePerson(client, context, agencyId, fields, existing, row.personCode, today);
    });
    if (known === undefined) units.set(row.unitCode.toLowerCase(), unitId);
    people.remember(person);
    return 'imported';
  }

  private async writePerson(
    client: PoolClient,
    context: CommandContext,
    agencyId: string,
    fields: PersonFields,
    existing: PersonView | null,
    code: string | null,
    today: string,
  ): Promise<PersonView> {
    const { schema } = this.infrastructure;
    const tenantId = context.tenantId;
    const personId = existing?.id ?? randomUUID();
    const { state } = await this.writer.writeIn(client, {
      context,
      ref: { tenantId, streamId: personStreamId(personId) },
      stream: personStream,
      facts: () => Promise.resolve({ agencyKnown: true, unitAgencyId: agencyId }),
      decide: (current, facts) =>
        existing === null
          ? decideRegisterPerson(
              { ...fields, agencyId, personId, today, ...(code === null ? {} : { code }) },
              current,
              facts,
            )
          : decideUpdatePerson(
              { personId, expectedVersion: existing.version, changes: fields, today },
              current,
              facts,
            ),
      save: (tx, after) => savePerson(tx, schema, tenantId, after),
    });
    if (state.status !== 'registered') throw new Error('a registered person was expected');
    return state.person;
  }
}

/** A refusal of a row's own checks, as a domain error carrying its column. */
function rowError(column: string, message: string): DomainError {
  return new DomainError('validation-failed', {}, [{ path: column, message }]);
}

/** A row's refusal as import errors, paths named by the row's column keys. */
function rowErrors(row: number, error: DomainError): ImportRowError[] {
  if (error.errors.length === 0) return [{ row, column: '', message: error.code }];
  return error.errors.map((issue) => ({
    row,
    column: COLUMN_OF_PATH[issue.path] ?? issue.path,
    message: issue.message,
  }));
}

/** The key that names a row's person: the staff code, else unit, name and date of birth. */
function identityKey(row: ParsedImportRow): string {
  if (row.personCode !== null) return `code:${row.personCode}`;
  return `name:${row.unitCode.toLowerCase()}\u0000${row.fullName}\u0000${row.dateOfBirth}`;
}

/** Items grouped by key, groups in the order of their first item, items in order. */
function groupBy<T>(items: T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return [...groups.values()];
}

/** Runs `work` on every item, at most `width` at a time; rejects with the first failure. */
async function inParallel<T>(
  items: T[],
  width: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next] as T;
      next += 1;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
}
