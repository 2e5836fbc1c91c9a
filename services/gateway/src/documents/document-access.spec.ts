import type { AuthenticatedUser, Role } from '@ttkt/contracts';
import { AGENCY_A, AGENCY_B, testUser } from '../../test/gateway-test-kit';
import { canReadDocument, documentReach, type DocumentAccessFacts } from './document-access';

const PERSON = 'c1d2e3f4-0000-4000-8000-000000000001';
const OTHER_PERSON = 'c1d2e3f4-0000-4000-8000-000000000002';

function linked(roles: Role[], agencyId = AGENCY_A, personId = PERSON): AuthenticatedUser {
  return { ...testUser(roles, agencyId), personId };
}

const certificate = (subjectPersonId: string | null): DocumentAccessFacts => ({
  agencyId: AGENCY_A,
  kind: 'certificate',
  subjectPersonId,
});
const decision: DocumentAccessFacts = {
  agencyId: AGENCY_A,
  kind: 'decision',
  subjectPersonId: null,
};

describe('who reads an agency’s generated documents', () => {
  it.each<Role[]>([
    ['agency-admin'],
    ['secretariat'],
    ['registry-clerk'],
    ['unit-head'],
    ['council-member'],
    ['agency-head'],
    ['viewer'],
  ])('staff of the agency (%s, not linked to a person) read every document', (...roles) => {
    const user = testUser(roles, AGENCY_A);
    expect(documentReach(user, AGENCY_A)).toBe('all');
    expect(canReadDocument(user, decision)).toBe(true);
    expect(canReadDocument(user, certificate(OTHER_PERSON))).toBe(true);
  });

  it('a staff member linked to a person reads every document too', () => {
    const user = linked(['secretariat', 'viewer']);
    expect(documentReach(user, AGENCY_A)).toBe('all');
    expect(canReadDocument(user, certificate(OTHER_PERSON))).toBe(true);
  });

  it('a system-admin reads every document', () => {
    expect(documentReach(testUser(['system-admin'], null), AGENCY_A)).toBe('all');
  });

  it("a person's own account (viewer linked to a person) reads only that person's certificates", () => {
    const user = linked(['viewer']);
    expect(documentReach(user, AGENCY_A)).toBe('own-certificates');
    expect(canReadDocument(user, certificate(PERSON))).toBe(true);
    expect(canReadDocument(user, certificate(OTHER_PERSON))).toBe(false);
    expect(canReadDocument(user, certificate(null))).toBe(false);
    expect(canReadDocument(user, decision)).toBe(false);
    expect(canReadDocument(user, { ...decision, kind: 'plan' })).toBe(false);
    // A document of the person's id but of another kind is not a certificate.
    expect(canReadDocument(user, { ...decision, subjectPersonId: PERSON })).toBe(false);
  });

  it('a user of another agency linked to the person reads its certificate, nothing else', () => {
    const user = linked(['secretariat'], AGENCY_B);
    expect(documentReach(user, AGENCY_A)).toBe('own-certificates');
    expect(canReadDocument(user, certificate(PERSON))).toBe(true);
    expect(canReadDocument(user, certificate(OTHER_PERSON))).toBe(false);
    expect(canReadDocument(user, decision)).toBe(false);
  });

  it('a user of another agency, linked to no person, reads nothing', () => {
    const user = testUser(['agency-admin', 'secretariat'], AGENCY_B);
    expect(documentReach(user, AGENCY_A)).toBe('none');
    expect(canReadDocument(user, certificate(PERSON))).toBe(false);
    expect(canReadDocument(user, decision)).toBe(false);
  });
});
