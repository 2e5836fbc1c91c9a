import { randomUUID } from 'node:crypto';
import {
  AUTHENTICATE,
  CLOSE_HOLD,
  CREATE_UNIT,
  CREATE_USER,
  DIRECTORY_EVENTS,
  ENSURE_BOOTSTRAP_ADMIN,
  GET_AGENCY,
  GET_PERSON,
  GET_TENANT,
  GET_USERS,
  IMPORT_PEOPLE,
  LIST_AGENCIES,
  LIST_PEOPLE,
  LIST_UNITS,
  OPEN_HOLD,
  REGISTER_AGENCY,
  REGISTER_PERSON,
  REGISTER_TENANT,
  RENAME_TENANT,
  UPDATE_PERSON,
  type AgencyView,
  type AuthenticatedUser,
  type BootstrapAdminResult,
  type CommandContext,
  type CommandResult,
  type ImportPeopleResult,
  type IntegrationEvent,
  type ListPage,
  type PersonView,
  type TenantView,
  type UnitView,
  type UserView,
} from '@ttkt/contracts';
import {
  createRpcClient,
  InProcessRpcBroker,
  InProcessTransport,
  RemoteDomainError,
  rpcServerOptions,
  type CommandSender,
  type RunningService,
  type Subscription,
} from '@ttkt/messaging';
import {
  ControllableClock,
  createTestSchema,
  eventually,
  testDatabaseUrl,
  type TestSchema,
} from '@ttkt/testing';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { DIRECTORY_SERVICE, startDirectoryService } from '../src/directory.service';

/**
 * The directory through its RPC (real PostgreSQL, the in-process transport and RPC broker): the
 * Bắc Kạn → Thái Nguyên merger, units, people, holds, users and an import of 500 rows.
 */
describe('directory service', () => {
  const tenantId = 'bac-kan';
  let schema: TestSchema;
  let transport: InProcessTransport;
  let broker: InProcessRpcBroker;
  let directory: RunningService;
  let sender: CommandSender;
  let published: Subscription;
  const received: IntegrationEvent[] = [];
  const clock = new ControllableClock('2025-08-01T08:00:00+07:00');

  const context = (): CommandContext => ({
    tenantId,
    actor: { kind: 'user', id: 'admin' },
    correlationId: randomUUID(),
  });
  const send = <T>(pattern: string, payload: object): Promise<T> =>
    sender.send<T>(DIRECTORY_SERVICE, pattern, payload, { timeoutMs: 30_000 });
  const command = <T>(pattern: string, payload: object): Promise<CommandResult<T>> =>
    send<CommandResult<T>>(pattern, { context: context(), ...payload });

  async function refusal(call: Promise<unknown>): Promise<RemoteDomainError> {
    const error = await call.then(
      () => undefined,
      (rejected: unknown) => rejected,
    );
    if (!(error instanceof RemoteDomainError))
      throw new Error(`expected a refusal, got ${String(error)}`);
    return error;
  }

  async function eventCount(): Promise<number> {
    const { rows } = await directory.infrastructure.pool.query<{ count: string }>(
      `SELECT count(*)::text AS count FROM "${schema.name}".events`,
    );
    return Number(rows[0]?.count);
  }

  beforeAll(async () => {
    schema = await createTestSchema('directory');
    transport = new InProcessTransport({ retryDelaysMs: [50, 100] });
    published = await transport.subscribe({
      service: 'directory-test-listener',
      routingKeys: ['directory.#'],
      handler: (message) => {
        received.push(JSON.parse(message.body) as IntegrationEvent);
        return Promise.resolve();
      },
    });
    broker = new InProcessRpcBroker();
    directory = await startDirectoryService({
      databaseUrl: testDatabaseUrl(),
      schema: schema.name,
      transport,
      rpc: rpcServerOptions({ kind: 'in-process', broker, service: DIRECTORY_SERVICE }),
      clock,
      logger: false,
      bootstrapAdmin: { username: 'root', password: 'bootstrap-secret' },
    });
    sender = createRpcClient({ kind: 'in-process', broker });
    await command(REGISTER_TENANT, { tenantId, code: 'BK', name: 'Tỉnh Bắc Kạn' });
  });

  afterAll(async () => {
    await sender?.close();
    await published?.stop();
    await directory?.stop();
    await transport?.close();
    await schema?.drop();
  });

  describe('tenants and agencies over time', () => {
    let bacKan: AgencyView;

    it('names a renamed tenant by the day asked', async () => {
      const renamed = await command<TenantView>(RENAME_TENANT, {
        tenantId,
        name: 'Tỉnh Thái Nguyên',
        effectiveFrom: '2025-07-01',
      });
      expect(renamed.body).toMatchObject({ name: 'Tỉnh Thái Nguyên', version: 2 });
      expect(renamed.position).toMatch(/^directory:\d+\.\d+$/);
      const before = await send<TenantView>(GET_TENANT, { tenantId, asOf: '2025-06-30' });
      expect(before.name).toBe('Tỉnh Bắc Kạn');
      expect(before.names).toEqual([
        { name: 'Tỉnh Bắc Kạn', from: null, until: '2025-06-30' },
        { name: 'Tỉnh Thái Nguyên', from: '2025-07-01', until: null },
      ]);
    });

    it('links an agency to its successor, which keeps its code', async () => {
      bacKan = (
        await command<AgencyView>(REGISTER_AGENCY, {
          agencyId: 'skhcn-bac-kan',
          code: 'SKHCN',
          name: 'Sở Khoa học và Công nghệ tỉnh Bắc Kạn',
          validUntil: '2025-06-30',
        })
      ).body;
      const successor = await command<AgencyView>(REGISTER_AGENCY, {
        agencyId: 'skhcn-thai-nguyen',
        code: 'SKHCN',
        name: 'Sở Khoa học và Công nghệ tỉnh Thái Nguyên',
        validFrom: '2025-07-01',
        predecessorAgencyId: bacKan.id,
      });
      expect(successor.body).toMatchObject({ predecessorAgencyId: bacKan.id, code: 'SKHCN' });
      const predecessor = await send<AgencyView>(GET_AGENCY, { tenantId, agencyId: bacKan.id });
      expect(predecessor).toMatchObject({
        successorAgencyId: 'skhcn-thai-nguyen',
        validUntil: '2025-06-30',
        name: 'Sở Khoa học và Công nghệ tỉnh Bắc Kạn',
      });
      const { items } = await send<{ items: AgencyView[] }>(LIST_AGENCIES, {
        tenantId,
        agencyIds: ['skhcn-thai-nguyen'],
      });
      expect(items.map((agency) => agency.id)).toEqual(['skhcn-thai-nguyen']);
      const unknown = await refusal(
        command(REGISTER_AGENCY, {
          agencyId: randomUUID(),
          code: 'X',
          name: 'X',
          parentAgencyId: 'nope',
        }),
      );
      expect(unknown.errors).toEqual([{ path: 'parentAgencyId', message: 'unknownAgency' }]);
    });

    it('gives an agency one successor at most, also to commands sent at the same time', async () => {
      const second = await refusal(
        command(REGISTER_AGENCY, {
          agencyId: randomUUID(),
          code: 'SKHCN2',
          name: 'Một cơ quan khác',
          validFrom: '2025-07-01',
          predecessorAgencyId: bacKan.id,
        }),
      );
      expect(second.code).toBe('invalid-state');
      expect(second.errors).toEqual([{ path: 'predecessorAgencyId', message: 'alreadyTaken' }]);

      const predecessor = 'sct-bac-kan';
      await command(REGISTER_AGENCY, {
        agencyId: predecessor,
        code: 'SCT',
        name: 'Sở Công Thương tỉnh Bắc Kạn',
        validUntil: '2025-06-30',
      });
      const before = await eventCount();
      const outcomes = await Promise.allSettled(
        Array.from({ length: 4 }, (_, i) =>
          command<AgencyView>(REGISTER_AGENCY, {
            agencyId: `sct-thai-nguyen-${i}`,
            code: 'SCT',
            name: 'Sở Công Thương tỉnh Thái Nguyên',
            validFrom: '2025-07-01',
            predecessorAgencyId: predecessor,
          }),
        ),
      );
      const won = outcomes.filter((outcome) => outcome.status === 'fulfilled');
      expect(won).toHaveLength(1);
      for (const outcome of outcomes) {
        if (outcome.status === 'fulfilled') continue;
        const error = outcome.reason as RemoteDomainError;
        expect(error).toBeInstanceOf(RemoteDomainError);
        expect(error.code).toBe('invalid-state');
        expect(error.errors).toEqual([{ path: 'predecessorAgencyId', message: 'alreadyTaken' }]);
      }
      expect(await eventCount()).toBe(before + 1);
      const read = await send<AgencyView>(GET_AGENCY, { tenantId, agencyId: predecessor });
      expect(read.successorAgencyId).toBe(won[0]?.value.body.id);
    });

    it('refuses a predecessor that has not ended before its successor begins', async () => {
      const open = await command<AgencyView>(REGISTER_AGENCY, {
        agencyId: 'stc-bac-kan',
        code: 'STC',
        name: 'Sở Tài chính tỉnh Bắc Kạn',
      });
      const stillValid = await refusal(
        command(REGISTER_AGENCY, {
          agencyId: randomUUID(),
          code: 'STC',
          name: 'Sở Tài chính tỉnh Thái Nguyên',
          validFrom: '2025-07-01',
          predecessorAgencyId: open.body.id,
        }),
      );
      expect(stillValid.code).toBe('validation-failed');
      expect(stillValid.errors).toEqual([
        { path: 'predecessorAgencyId', message: 'predecessorStillValid' },
      ]);
    });

    it('lists with asOf only the agencies in force that day, and without it all of them', async () => {
      const listed = async (asOf?: string): Promise<string[]> =>
        (
          await send<{ items: AgencyView[] }>(LIST_AGENCIES, {
            tenantId,
            agencyIds: ['skhcn-bac-kan', 'skhcn-thai-nguyen'],
            ...(asOf ? { asOf } : {}),
          })
        ).items.map((agency) => agency.id);
      expect(await listed('2021-03-30')).toEqual(['skhcn-bac-kan']);
      expect(await listed('2025-06-30')).toEqual(['skhcn-bac-kan']);
      expect(await listed('2025-07-01')).toEqual(['skhcn-thai-nguyen']);
      expect((await listed()).sort()).toEqual(['skhcn-bac-kan', 'skhcn-thai-nguyen']);
    });
  });

  describe('units, people and holds', () => {
    const agencyId = 'skhcn-thai-nguyen';
    let office: UnitView;
    let planning: UnitView;

    beforeAll(async () => {
      office = (
        await command<UnitView>(CREATE_UNIT, {
          agencyId,
          unitId: randomUUID(),
          code: 'VP',
          name: 'Văn phòng Sở',
          isSecretariat: true,
        })
      ).body;
      planning = (
        await command<UnitView>(CREATE_UNIT, {
          agencyId,
          unitId: randomUUID(),
          code: 'KHTC',
          name: 'Phòng Kế hoạch - Tài chính',
        })
      ).body;
    });

    it('keeps unit codes unique in an agency, and a refused command stores no event', async () => {
      const before = await eventCount();
      const taken = await refusal(
        command(CREATE_UNIT, { agencyId, unitId: randomUUID(), code: 'vp', name: 'Khác' }),
      );
      expect(taken.code).toBe('invalid-state');
      expect(taken.errors).toEqual([{ path: 'code', message: 'alreadyTaken' }]);
      expect(await eventCount()).toBe(before);
      const { items } = await send<{ items: UnitView[] }>(LIST_UNITS, { tenantId, agencyId });
      expect(items.map((unit) => unit.code)).toEqual(['KHTC', 'VP']);
    });

    it('stores names in NFC, sorts by given name with the Vietnamese collator and finds without accents', async () => {
      const names = [
        'Trần Văn Bình',
        'Nguyễn Thị Ánh',
        'Lê Văn Đức',
        'Nguyễn Thị Hồng Nhung',
        'Bùi Thị Ánh',
      ];
      for (const fullName of names) {
        await command<PersonView>(REGISTER_PERSON, {
          agencyId,
          personId: randomUUID(),
          fullName: fullName.normalize('NFD'),
          dateOfBirth: '1985-05-12',
          gender: 'female',
          unitId: fullName.startsWith('Nguyễn') ? office.id : planning.id,
          position: 'Chuyên viên',
        });
      }
      const all = await send<ListPage<PersonView>>(LIST_PEOPLE, { tenantId, agencyId });
      expect(all.items.map((person) => person.fullName)).toEqual([
        'Bùi Thị Ánh',
        'Nguyễn Thị Ánh',
        'Trần Văn Bình',
        'Lê Văn Đức',
        'Nguyễn Thị Hồng Nhung',
      ]);
      expect(
        all.items.every((person) => person.fullName === person.fullName.normalize('NFC')),
      ).toBe(true);
      const found = await send<ListPage<PersonView>>(LIST_PEOPLE, {
        tenantId,
        agencyId,
        q: 'nguyen thi',
      });
      expect(found.items.map((person) => person.fullName)).toEqual([
        'Nguyễn Thị Ánh',
        'Nguyễn Thị Hồng Nhung',
      ]);
      const duc = await send<ListPage<PersonView>>(LIST_PEOPLE, { tenantId, agencyId, q: 'DUC' });
      expect(duc.items.map((person) => person.givenName)).toEqual(['Đức']);
      const page = await send<ListPage<PersonView>>(LIST_PEOPLE, {
        tenantId,
        agencyId,
        unitId: planning.id,
        limit: 2,
      });
      expect(page.items).toHaveLength(2);
      const next = await send<ListPage<PersonView>>(LIST_PEOPLE, {
        tenantId,
        agencyId,
        unitId: planning.id,
        limit: 2,
        cursor: page.nextCursor,
      });
      expect(next).toMatchObject({ items: [{ fullName: 'Lê Văn Đức' }], nextCursor: null });
    });

    it('records a dated change and refuses a stale version as precondition-failed', async () => {
      const personId = randomUUID();
      const registered = await command<PersonView>(REGISTER_PERSON, {
        agencyId,
        personId,
        fullName: 'Hoàng Văn Đạt',
        dateOfBirth: '1979-11-30',
        gender: 'male',
        unitId: office.id,
        position: 'Chuyên viên',
      });
      const changed = await command<PersonView>(UPDATE_PERSON, {
        personId,
        expectedVersion: registered.version,
        effectiveOn: '2025-08-15',
        changes: { unitId: planning.id, position: 'Phó Trưởng phòng' },
      });
      expect(changed.body).toMatchObject({
        unitId: planning.id,
        version: 2,
        history: [
          {
            effectiveOn: '2025-08-15',
            changes: { unitId: planning.id, position: 'Phó Trưởng phòng' },
          },
        ],
      });
      const before = await eventCount();
      const stale = await refusal(
        command(UPDATE_PERSON, {
          personId,
          expectedVersion: 1,
          changes: { position: 'Trưởng phòng' },
        }),
      );
      expect(stale.code).toBe('precondition-failed');
      expect(await eventCount()).toBe(before);
    });

    it('puts a person on hold while a hold is open', async () => {
      const personId = randomUUID();
      await command(REGISTER_PERSON, {
        agencyId,
        personId,
        fullName: 'Phạm Minh Tuấn',
        dateOfBirth: '1990-02-01',
        gender: 'male',
        unitId: office.id,
        position: 'Chuyên viên',
      });
      const opened = await command<PersonView>(OPEN_HOLD, {
        personId,
        holdId: 'h-1',
        kind: 'complaint',
        reason: 'Đơn khiếu nại đang xem xét',
        source: 'Công văn 12/TTr',
      });
      expect(opened.body).toMatchObject({
        onHold: true,
        holds: [{ id: 'h-1', status: 'open', openedOn: '2025-08-01' }],
      });
      await command(CLOSE_HOLD, { personId, holdId: 'h-1', reason: 'Đã giải quyết' });
      const read = await send<PersonView>(GET_PERSON, { tenantId, personId });
      expect(read).toMatchObject({
        onHold: false,
        holds: [{ status: 'closed', closeReason: 'Đã giải quyết' }],
      });
    });
  });

  describe('users', () => {
    it('creates the bootstrap admin once, and authenticates with the right password only', async () => {
      const again = await send<BootstrapAdminResult>(ENSURE_BOOTSTRAP_ADMIN, {
        username: 'ROOT',
        password: 'other-password',
      });
      expect(again.created).toBe(false);
      const root = await send<AuthenticatedUser>(AUTHENTICATE, {
        username: 'root',
        password: 'bootstrap-secret',
      });
      expect(root).toMatchObject({
        userId: again.userId,
        tenantId: null,
        grants: [{ role: 'system-admin', agencyId: null, unitId: null }],
      });
    });

    it('grants roles on an agency, never returns the hash, and refuses a wrong password like an unknown user', async () => {
      const created = await command<UserView>(CREATE_USER, {
        userId: randomUUID(),
        username: 'VanThu',
        password: 'mật-khẩu-dài',
        fullName: 'Nguyễn Văn Thư',
        agencyId: 'skhcn-thai-nguyen',
        roles: ['registry-clerk'],
      });
      expect(JSON.stringify(created)).not.toMatch(/argon2|password/i);
      const { rows: hashes } = await directory.infrastructure.pool.query<{ hash: string }>(
        `SELECT password_hash AS hash FROM "${schema.name}".users WHERE id = $1`,
        [created.body.id],
      );
      expect(hashes[0]?.hash).toMatch(/^\$argon2id\$v=19\$/);
      const user = await send<AuthenticatedUser>(AUTHENTICATE, {
        username: 'vanthu',
        password: 'mật-khẩu-dài',
      });
      expect(user).toMatchObject({
        tenantId,
        agencyId: 'skhcn-thai-nguyen',
        grants: [{ role: 'registry-clerk', agencyId: 'skhcn-thai-nguyen', unitId: null }],
      });
      const wrong = await refusal(
        send(AUTHENTICATE, { username: 'vanthu', password: 'sai-mật-khẩu' }),
      );
      const unknown = await refusal(
        send(AUTHENTICATE, { username: 'nobody', password: 'sai-mật-khẩu' }),
      );
      expect([wrong.code, unknown.code]).toEqual(['unauthorized', 'unauthorized']);
      const taken = await refusal(
        command(CREATE_USER, {
          userId: randomUUID(),
          username: 'vanthu',
          password: 'another-password',
          fullName: 'Khác',
          agencyId: 'skhcn-thai-nguyen',
          roles: ['viewer'],
        }),
      );
      expect(taken.errors).toEqual([{ path: 'username', message: 'alreadyTaken' }]);
    });

    it('looks users up by id in the tenant, with their grants and never a hash; unknown ids are absent', async () => {
      const agencyId = 'skhcn-thai-nguyen';
      const { items: units } = await send<{ items: UnitView[] }>(LIST_UNITS, {
        tenantId,
        agencyId,
      });
      const unit = units[0];
      if (!unit) throw new Error('a unit of the agency was expected');
      const member = await command<UserView>(CREATE_USER, {
        userId: randomUUID(),
        username: 'hoidong.thanhvien',
        password: 'mật-khẩu-dài',
        fullName: 'Trần Thị Hội',
        agencyId,
        roles: ['council-member', 'viewer'],
      });
      const unitHead = await command<UserView>(CREATE_USER, {
        userId: randomUUID(),
        username: 'truongphong',
        password: 'mật-khẩu-dài',
        fullName: 'Lê Văn Phòng',
        agencyId,
        unitId: unit.id,
        roles: ['unit-head'],
      });
      const root = await send<BootstrapAdminResult>(ENSURE_BOOTSTRAP_ADMIN, {
        username: 'root',
        password: 'bootstrap-secret',
      });
      const unknown = randomUUID();
      const found = await send<{ items: UserView[] }>(GET_USERS, {
        tenantId,
        userIds: [unknown, unitHead.body.id, member.body.id, root.userId],
      });
      expect(JSON.stringify(found)).not.toMatch(/argon2|password/i);
      const byId = new Map(found.items.map((user) => [user.id, user]));
      // The platform's system-admin is no user of the tenant; the unknown id is simply absent.
      expect([...byId.keys()].sort()).toEqual([member.body.id, unitHead.body.id].sort());
      expect(byId.get(member.body.id)).toEqual(member.body);
      expect(byId.get(member.body.id)?.grants).toEqual([
        { role: 'council-member', agencyId, unitId: null },
        { role: 'viewer', agencyId, unitId: null },
      ]);
      expect(byId.get(unitHead.body.id)?.grants).toEqual([
        { role: 'unit-head', agencyId, unitId: unit.id },
      ]);
      // Another tenant sees none of them.
      expect(
        await send<{ items: UserView[] }>(GET_USERS, {
          tenantId: 'thai-nguyen',
          userIds: [member.body.id],
        }),
      ).toEqual({ items: [] });
      expect(await send<{ items: UserView[] }>(GET_USERS, { tenantId, userIds: [] })).toEqual({
        items: [],
      });
      const repeated = await refusal(
        send(GET_USERS, { tenantId, userIds: [member.body.id, member.body.id] }),
      );
      expect(repeated.code).toBe('validation-failed');
      const tooMany = await refusal(
        send(GET_USERS, {
          tenantId,
          userIds: Array.from({ length: 501 }, () => randomUUID()),
        }),
      );
      expect(tooMany.code).toBe('validation-failed');
    });
  });

  describe('import of people', () => {
    const agencyId = 'skhcn-bac-kan';
    const rows = Array.from({ length: 500 }, (_, index) => ({
      row: index + 2,
      cells: {
        unitCode: `P${index % 7}`,
        unitName: `Phòng số ${index % 7}`,
        fullName: `Nguyễn Văn Người ${index}`.normalize(index % 2 === 0 ? 'NFC' : 'NFD'),
        dateOfBirth: index % 3 === 0 ? `${(index % 28) + 1}/6/1980` : '1981-01-15',
        gender: index % 2 === 0 ? 'Nam' : 'nữ',
        position: 'Chuyên viên',
        ...(index % 5 === 0 ? { personCode: `CB${index}` } : {}),
      },
    }));
    rows[10] = { row: 12, cells: { ...rows[10]!.cells, fullName: '' } };
    rows[100] = { row: 102, cells: { ...rows[100]!.cells, dateOfBirth: '31/02/1980' } };
    rows[300] = { row: 302, cells: { ...rows[300]!.cells, gender: 'khác' } };

    it('imports the good rows, reports the bad ones, and imports nothing new the second time', async () => {
      const started = Date.now();
      const first = await send<ImportPeopleResult>(IMPORT_PEOPLE, {
        context: context(),
        agencyId,
        rows,
      });
      const firstMs = Date.now() - started;
      expect(firstMs).toBeLessThan(10_000);
      expect(first).toEqual({
        imported: 497,
        unchanged: 0,
        errors: [
          { row: 12, column: 'fullName', message: 'isNotEmpty' },
          { row: 102, column: 'dateOfBirth', message: 'isDateString' },
          { row: 302, column: 'gender', message: 'isIn' },
        ],
      });
      const { items: units } = await send<{ items: UnitView[] }>(LIST_UNITS, {
        tenantId,
        agencyId,
      });
      expect(units).toHaveLength(7);
      const second = await send<ImportPeopleResult>(IMPORT_PEOPLE, {
        context: context(),
        agencyId,
        rows,
      });
      expect(second).toMatchObject({ imported: 0, unchanged: 497 });
      const people = await send<ListPage<PersonView>>(LIST_PEOPLE, {
        tenantId,
        agencyId,
        limit: 500,
      });
      expect(people.items).toHaveLength(497);
    });
  });

  it('publishes the directory’s events as their contracts, and no user event', async () => {
    await eventually(() => {
      const types = new Set(received.map((event) => event.type));
      for (const type of [
        'directory.tenant-registered.v1',
        'directory.tenant-renamed.v1',
        'directory.agency-registered.v1',
        'directory.unit-created.v1',
        'directory.person-registered.v1',
        'directory.person-changed.v1',
        'directory.hold-opened.v1',
        'directory.hold-closed.v1',
      ]) {
        expect(types).toContain(type);
      }
    });
    for (const event of received) {
      const payloadClass = DIRECTORY_EVENTS[event.type];
      expect(payloadClass).toBeDefined();
      if (!payloadClass) continue;
      const problems = validateSync(plainToInstance(payloadClass, event.data), {
        forbidUnknownValues: true,
        whitelist: true,
        forbidNonWhitelisted: true,
      });
      expect({ type: event.type, problems: problems.map(String) }).toEqual({
        type: event.type,
        problems: [],
      });
    }
    expect(JSON.stringify(received)).not.toMatch(/argon2|passwordHash/);
  });
});
