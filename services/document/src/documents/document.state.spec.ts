import type { DocumentEvent, DocumentFacts } from './document.events';
import { foldDocument } from './document.state';
import { toDocumentView } from './document.view';

const facts: DocumentFacts = {
  documentId: 'doc-1',
  kind: 'plan',
  campaignId: 'c-1',
  agencyId: 'a-1',
  number: '27/KH-SKHCN',
  issuedOn: '2021-03-30',
  title: 'Kế hoạch',
  source: { kind: 'campaign', id: 'c-1' },
  subjectPersonId: null,
};
const requested: DocumentEvent = {
  type: 'DocumentRequested',
  data: {
    ...facts,
    sequence: 0,
    input: {
      kind: 'plan',
      names: { agencyName: 'Sở', parentName: null, tenantName: 'Tỉnh' },
      campaign: {} as never,
    },
    requestedAt: '2021-03-30T02:00:00.000Z',
  },
};
const failed = (attempt: number, final: boolean): DocumentEvent => ({
  type: 'DocumentGenerationFailed',
  data: {
    ...facts,
    error: `lỗi ${attempt}`,
    attempt,
    final,
    retryAfterMs: final ? null : 10,
    failedAt: '2021-03-30T02:00:01.000Z',
  },
});
const file = {
  format: 'pdf' as const,
  sha256: 'b'.repeat(64),
  size: 10,
  mediaType: 'application/pdf',
  fileName: 'k.pdf',
};

describe('a document’s state and view', () => {
  it('is pending once requested, with nothing attempted', () => {
    const state = foldDocument([requested]);
    expect(state).toMatchObject({
      status: 'pending',
      version: 1,
      attempts: 0,
      error: null,
      files: [],
    });
    if (state.status === 'none') throw new Error('requested');
    expect(toDocumentView('doc-1', state)).toEqual({
      id: 'doc-1',
      kind: 'plan',
      campaignId: 'c-1',
      agencyId: 'a-1',
      number: '27/KH-SKHCN',
      issuedOn: '2021-03-30',
      title: 'Kế hoạch',
      status: 'pending',
      formats: [],
      source: { kind: 'campaign', id: 'c-1' },
      subjectPersonId: null,
      error: null,
      attempts: 0,
      createdAt: '2021-03-30T02:00:00.000Z',
      version: 1,
    });
  });

  it('stays pending with the error of a failed attempt, is ready after a later success', () => {
    expect(foldDocument([requested, failed(1, false)])).toMatchObject({
      status: 'pending',
      attempts: 1,
      error: 'lỗi 1',
    });
    expect(
      foldDocument([
        requested,
        failed(1, false),
        {
          type: 'DocumentGenerated',
          data: { ...facts, files: [file], attempt: 2, generatedAt: '2021-03-30T02:00:02.000Z' },
        },
      ]),
    ).toMatchObject({ status: 'ready', version: 3, attempts: 2, error: null, files: [file] });
  });

  it('is failed after its last attempt failed', () => {
    expect(foldDocument([requested, failed(1, false), failed(2, true)])).toMatchObject({
      status: 'failed',
      attempts: 2,
      error: 'lỗi 2',
    });
  });
});
