import { refusalOf } from '@ttkt/testing';
import {
  ACTOR,
  NOMINATION_ID,
  at,
  campaign,
  given,
  history,
  submittedThen,
  then,
} from '../nomination.spec-fixture';
import type { ExistingNomination } from '../nomination.state';
import { decideAttachDocument, type AttachDocument } from './attach-document.decide';

const command: AttachDocument = {
  type: 'AttachDocument',
  nominationId: NOMINATION_ID,
  documentId: 'd-new',
  documentTypeCode: 'BAO_CAO_THANH_TICH',
  file: {
    sha256: 'f'.repeat(64),
    size: 2048,
    mediaType: 'application/pdf',
    fileName: 'Báo cáo thành tích.pdf'.normalize('NFD'),
  },
  campaign: campaign(),
  actor: ACTOR,
  now: at('2021-04-03T09:00:00+07:00'),
};

describe('attaching a document to a draft', () => {
  it('records the file with its NFC name, attributed to the actor and the instant', () => {
    const draft = given([history.drafted()]);
    const events = decideAttachDocument(command, draft);
    const state = then(draft, events) as ExistingNomination;
    expect(state.documents).toEqual([
      {
        documentId: 'd-new',
        documentTypeCode: 'BAO_CAO_THANH_TICH',
        sha256: 'f'.repeat(64),
        size: 2048,
        mediaType: 'application/pdf',
        fileName: 'Báo cáo thành tích.pdf',
        attachedAt: '2021-04-03T02:00:00.000Z',
        attachedBy: ACTOR,
      },
    ]);
  });

  it('takes OTHER beside the form’s required documents', () => {
    expect(
      decideAttachDocument({ ...command, documentTypeCode: 'OTHER' }, given([history.drafted()])),
    ).toHaveLength(1);
  });

  it('refuses a type that is neither a unit-stage document of the form nor OTHER', () => {
    const refusal = refusalOf(() =>
      decideAttachDocument(
        { ...command, documentTypeCode: 'TO_TRINH' },
        given([history.drafted()]),
      ),
    );
    expect(refusal.errors).toEqual([{ path: 'documentTypeCode', message: 'unknownDocumentType' }]);
  });

  it('changes nothing when the same document is recorded again (a retry)', () => {
    const draft = given([history.drafted()]);
    const state = then(draft, decideAttachDocument(command, draft));
    expect(decideAttachDocument(command, state)).toEqual([]);
    expect(
      refusalOf(() =>
        decideAttachDocument(
          { ...command, file: { ...command.file, sha256: 'e'.repeat(64) } },
          state,
        ),
      ).errors,
    ).toEqual([{ path: 'documentId', message: 'duplicateDocumentId' }]);
  });
});

describe('attaching to a returned dossier', () => {
  it('records the supplement', () => {
    expect(decideAttachDocument(command, submittedThen(history.returned()))).toHaveLength(1);
  });
});

describe('attaching after submission', () => {
  it.each([
    ['submitted', () => submittedThen()],
    ['accepted', () => submittedThen(history.accepted())],
    ['withdrawn', () => given([history.drafted(), history.withdrawn()])],
  ])('refuses a %s dossier: invalid-state', (status, state) => {
    const refusal = refusalOf(() => decideAttachDocument(command, state()));
    expect(refusal.code).toBe('invalid-state');
    expect(refusal.params).toEqual({ nominationId: NOMINATION_ID, status });
  });

  it('refuses an unknown dossier: not-found', () => {
    expect(refusalOf(() => decideAttachDocument(command, given([]))).code).toBe('not-found');
  });
});
