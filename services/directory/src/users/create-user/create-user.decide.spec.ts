import { refusalOf } from '@ttkt/testing';
import type { UserEvent } from '../user.events';
import { evolveUser, initialUserState } from '../user.state';
import { decideCreateUser, type CreateUser } from './create-user.decide';

const given = (events: UserEvent[]) => events.reduce(evolveUser, initialUserState());
const command: CreateUser = {
  userId: 'u-1',
  tenantId: 'bac-kan',
  username: 'vanthu',
  passwordHash: '$argon2id$hash',
  fullName: 'Nguyễn Văn Thư',
  agencyId: 'skhcn',
  unitId: 'unit-vp',
  roles: ['registry-clerk', 'viewer'],
};
const facts = { agencyKnown: true, unitAgencyId: 'skhcn', personKnown: false };

describe('creating a user', () => {
  it('grants each role on the agency and unit, in the agency’s tenant', () => {
    const [event] = decideCreateUser(command, given([]), facts);
    expect(event?.data).toMatchObject({
      tenantId: 'bac-kan',
      grants: [
        { role: 'registry-clerk', agencyId: 'skhcn', unitId: 'unit-vp' },
        { role: 'viewer', agencyId: 'skhcn', unitId: 'unit-vp' },
      ],
    });
  });

  it('grants system-admin only without an agency, and then without a tenant', () => {
    const withAgency = { ...command, roles: ['system-admin' as const] };
    expect(refusalOf(() => decideCreateUser(withAgency, given([]), facts)).errors).toEqual([
      { path: 'roles', message: 'systemAdminWithoutAgency' },
    ]);
    const { unitId: _unit, ...rest } = command;
    const platform = { ...rest, agencyId: null, roles: ['system-admin' as const] };
    expect(decideCreateUser(platform, given([]), facts)[0]?.data).toMatchObject({
      tenantId: null,
      grants: [{ role: 'system-admin', agencyId: null, unitId: null }],
    });
  });

  it('refuses a user without an agency who is not a system-admin', () => {
    const { unitId: _unit, ...rest } = command;
    expect(
      refusalOf(() => decideCreateUser({ ...rest, agencyId: null }, given([]), facts)).errors,
    ).toEqual([{ path: 'agencyId', message: 'isNotEmpty' }]);
  });

  it('refuses a unit or person of another agency, and an unknown agency', () => {
    const error = refusalOf(() =>
      decideCreateUser({ ...command, personId: 'p-x' }, given([]), {
        ...facts,
        unitAgencyId: 'other',
      }),
    );
    expect(error.errors).toEqual([
      { path: 'unitId', message: 'unknownUnit' },
      { path: 'personId', message: 'unknownPerson' },
    ]);
    expect(
      refusalOf(() => decideCreateUser(command, given([]), { ...facts, agencyKnown: false })).code,
    ).toBe('not-found');
  });
});
