import { refusalOf } from '@ttkt/testing';
import {
  ACTOR,
  NOMINATION_ID,
  at,
  completeDraft,
  history,
  submittedThen,
  then,
} from '../nomination.spec-fixture';
import type { ExistingNomination } from '../nomination.state';
import { decideRemoveDocument, type RemoveDocument } from './remove-document.decide';

const command: RemoveDocument = {
  type: 'RemoveDocument',
  nominationId: NOMINATION_ID,
  documentId: 'd-BIEN_BAN_HOP_XET',
  actor: ACTOR,
  now: at('2021-04-04T09:00:00+07:00'),
};

describe('removing a document from a draft', () => {
  it('removes it and names its blob', () => {
    const draft = completeDraft() as ExistingNomination;
    const events = decideRemoveDocument(command, draft);
    expect(events).toEqual([
      {
        type: 'NominationDocumentRemoved',
        data: {
          nominationId: NOMINATION_ID,
          at: '2021-04-04T02:00:00.000Z',
          by: ACTOR,
          documentId: 'd-BIEN_BAN_HOP_XET',
          sha256: draft.documents[1]?.sha256,
        },
      },
    ]);
    const state = then(draft, events) as ExistingNomination;
    expect(state.documents.map((doc) => doc.documentTypeCode)).toEqual([
      'CONG_VAN_DE_NGHI',
      'BAO_CAO_THANH_TICH',
    ]);
  });

  it('refuses a document not on the dossier: not-found', () => {
    expect(
      refusalOf(() => decideRemoveDocument({ ...command, documentId: 'd-x' }, completeDraft()))
        .code,
    ).toBe('not-found');
  });
});

describe('removing from a returned dossier', () => {
  it('removes it, so the unit can replace it', () => {
    expect(decideRemoveDocument(command, submittedThen(history.returned()))).toHaveLength(1);
  });
});

describe('removing once submitted or later', () => {
  it.each([
    ['submitted', () => submittedThen()],
    ['accepted', () => submittedThen(history.accepted())],
    ['approved', () => submittedThen(history.accepted(), history.approved())],
  ])('refuses a %s dossier: invalid-state', (_status, state) => {
    expect(refusalOf(() => decideRemoveDocument(command, state())).code).toBe('invalid-state');
  });
});
