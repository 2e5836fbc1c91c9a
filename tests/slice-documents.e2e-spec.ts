import {
  buildAgency,
  collapse,
  ControllableClock,
  docxText,
  eventually,
  expectInOrder,
  expectStatus,
  pdfText,
  registerTenant,
  type ApiClient,
} from '@ttkt/testing';
import type { DecisionView, DocumentList, DocumentView, ProposalView } from '@ttkt/contracts';
import ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import {
  campaignDocuments,
  documentsReady,
  download,
  expectFile,
  personAccount,
  type Download,
} from './support/documents-scenario';
import {
  BANG_KHEN,
  expectProblem,
  GIAY_KHEN,
  ReviewScenario,
  type BallotPlan,
} from './support/review-scenario';
import { TestPlatform } from './support/test-platform';

const NATIONAL_NAME = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
const MOTTO = 'Độc lập - Tự do - Hạnh phúc';
/** A4 in PDF points. */
const A4 = { short: 595.28, long: 841.89 };

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/**
 * Ways a day could be printed in a document: `dd/mm/yyyy`, `d/m/yyyy`, `ngày dd tháng m năm yyyy`
 * (both paddings), ISO. A document must print none of them for "now".
 */
function printedForms(instant: Date): string[] {
  // The day in Asia/Ho_Chi_Minh (UTC+7, no daylight saving).
  const local = new Date(instant.getTime() + 7 * 3_600_000);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth() + 1;
  const d = local.getUTCDate();
  const pad = (n: number): string => String(n).padStart(2, '0');
  return [
    `${pad(d)}/${pad(m)}/${y}`,
    `${d}/${m}/${y}`,
    `ngày ${pad(d)} tháng ${pad(m)} năm ${y}`,
    `ngày ${d} tháng ${m} năm ${y}`,
    `ngày ${pad(d)} tháng ${m} năm ${y}`,
    `${y}-${pad(m)}-${pad(d)}`,
  ];
}

/** The people's full names in Vietnamese order: given name, then middle, then family name. */
function vietnameseOrder(names: readonly string[]): string[] {
  const collator = new Intl.Collator('vi');
  const parts = (name: string) => {
    const words = name.normalize('NFC').trim().split(/\s+/);
    return {
      given: words.at(-1) ?? '',
      middle: words.slice(1, -1).join(' '),
      family: words.length > 1 ? (words[0] ?? '') : '',
    };
  };
  return [...names].sort((a, b) => {
    const x = parts(a);
    const y = parts(b);
    return (
      collator.compare(x.given, y.given) ||
      collator.compare(x.middle, y.middle) ||
      collator.compare(x.family, y.family)
    );
  });
}

/** The text of every cell of an XLSX's first worksheet, row by row. */
async function xlsxRows(bytes: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('the workbook has no worksheet');
  const rows: string[][] = [];
  sheet.eachRow((row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell) => {
      cells.push(cell.text);
    });
    rows.push(cells);
  });
  return rows;
}

/**
 * Issue #7 through the public API, with the platform's clock in 2021: the fixture's plan
 * 27/KH-SKHCN is generated as a document once issued; a council session, a decision of three
 * Giấy khen and a proposal of two Bằng khen generate the minutes, the decision (with its annex),
 * three certificates, the proposal letter and the summary list — listed per campaign with the
 * generation's progress, downloadable by the agency's staff, each certificate by its awardee's
 * own account too, nothing by another tenant.
 */
describe('slice #7: generated documents through the API, with the clock in 2021', () => {
  const clock = new ControllableClock('2021-03-29T09:00:00+07:00');
  const test = new TestPlatform({
    label: 'slice_documents',
    jwtSecret: 'slice-documents-secret-0123456789abcdefgh',
    clock,
    issueWaitMs: 15_000,
  });
  let s: ReviewScenario;
  let campaignId: string;
  /** Another tenant's agency admin (signed in again with everyone when the clock moves). */
  const strangerName = 'qt.skhcn.tn';
  const stranger = (): ApiClient => s.client(strangerName);
  const people: Record<string, string> = {};
  const names: Record<string, string> = {
    g1: 'Nguyễn Văn An',
    g2: 'Triệu Thị Bình',
    g3: 'Lê Văn Cường',
    // Given names Bình and Ánh: "Á" sorts after "B" by code point, before it in Vietnamese.
    b1: 'Nông Văn Bình',
    b2: 'Hoàng Thị Ánh',
  };
  const giay: string[] = [];
  const bang: string[] = [];
  let plan: DocumentView;
  let decision: DecisionView;
  let proposal: ProposalView;

  const issueAt = '2021-04-01T09:00:00+07:00';
  const submitAt = '2021-04-05T08:30:00+07:00';
  const acceptAt = '2021-04-08T14:00:00+07:00';
  const sessionAt = '2021-05-14T08:00:00+07:00';
  const decideAt = '2021-05-18T09:00:00+07:00';
  const proposeAt = '2021-05-21T09:00:00+07:00';

  beforeAll(async () => {
    await test.start();
    s = await ReviewScenario.build(test, clock, { councilSize: 3 });
    const genders: Record<string, 'male' | 'female'> = {
      g1: 'male',
      g2: 'female',
      g3: 'male',
      b1: 'male',
      b2: 'female',
    };
    for (const [key, fullName] of Object.entries(names)) {
      people[key] = await s.registerPerson(fullName, genders[key] ?? 'male');
    }
    const tenantId = await registerTenant(test.admin, 'TN', 'Tỉnh Thái Nguyên');
    s.clients[strangerName] = (
      await buildAgency(test.admin, {
        tenantId,
        code: 'SKHCNTN',
        name: 'Sở Khoa học và Công nghệ tỉnh Thái Nguyên',
        adminUsername: strangerName,
      })
    ).agencyAdmin;
  }, 240_000);

  afterAll(() => test.stop());

  /** The campaign's documents as the secretariat lists them. */
  const documents = (kind?: string): Promise<DocumentList> =>
    campaignDocuments(s.secretariat, campaignId, kind);

  describe('the plan 27/KH-SKHCN', () => {
    it('is generated once issued: pending answers 409 invalid-state with Retry-After, then ready', async () => {
      await s.moveClock(issueAt);
      ({ campaignId } = await s.issuePlan({ issuedOn: '2021-03-30', registerNumber: 27 }));
      const listed = await eventually(
        async () => {
          const [found] = (await documents('plan')).items;
          if (!found) throw new Error('the plan is not listed yet');
          return found;
        },
        { timeoutMs: 30_000, intervalMs: 50 },
      );
      // Every answer before the file is stored is 409 invalid-state with Retry-After: 2.
      const early: Download[] = [];
      const file = await eventually(
        async () => {
          const answer = await download(s.secretariat, listed.id, 'pdf');
          if (answer.status !== 200) {
            early.push(answer);
            throw new Error(`not ready: ${answer.status} ${answer.text.slice(0, 200)}`);
          }
          return answer;
        },
        { timeoutMs: 60_000, intervalMs: 50 },
      );
      for (const answer of early) {
        expect({
          status: answer.status,
          retryAfter: answer.headers['retry-after'],
          type: (JSON.parse(answer.text) as { type: string }).type,
        }).toEqual({ status: 409, retryAfter: '2', type: 'invalid-state' });
      }
      const read = await s.secretariat.get<DocumentView>(`/documents/${listed.id}`);
      plan = expectStatus(read, 200);
      expect(read.headers['etag']).toBe(`"${plan.version}"`);
      expect(plan).toMatchObject({
        id: listed.id,
        kind: 'plan',
        campaignId,
        agencyId: s.agency.agencyId,
        number: '27/KH-SKHCN',
        issuedOn: '2021-03-30',
        status: 'ready',
        subjectPersonId: null,
      });
      expect(plan.formats.map((f) => f.format).sort()).toEqual(['docx', 'pdf']);
      const pdf = plan.formats.find((f) => f.format === 'pdf');
      expect(file.headers['content-type']).toBe('application/pdf');
      expect(file.headers['content-length']).toBe(String(pdf?.size));
      expect(file.headers['x-content-type-options']).toBe('nosniff');
      expect(file.headers['content-disposition']).toMatch(/^attachment; filename="[^"]+\.pdf"/);
      expect(sha256(file.body)).toBe(pdf?.sha256);
    });

    it('prints the number, place and date, national name and motto in the PDF and the DOCX, A4 portrait', async () => {
      const pdf = await pdfText(expectFile(await download(s.secretariat, plan.id, 'pdf')));
      expectInOrder(pdf.text, [NATIONAL_NAME, MOTTO]);
      expect(collapse(pdf.text)).toContain('Số: 27/KH-SKHCN');
      expect(collapse(pdf.text)).toContain('Bắc Kạn, ngày 30 tháng 3 năm 2021');
      expect(collapse(pdf.text)).toContain('KẾ HOẠCH');
      expect(collapse(pdf.text)).toContain('Nơi nhận:');
      const first = pdf.pages[0];
      expect(first?.width).toBeCloseTo(A4.short, 0);
      expect(first?.height).toBeCloseTo(A4.long, 0);
      expect(first?.fonts.join(' ')).toMatch(/Tinos/);

      const docx = await docxText(expectFile(await download(s.secretariat, plan.id, 'docx')));
      const text = docx.paragraphs.join('\n');
      expect(collapse(text)).toContain('Số: 27/KH-SKHCN');
      expect(collapse(text)).toContain('Bắc Kạn, ngày 30 tháng 3 năm 2021');
      expectInOrder(text, [NATIONAL_NAME, MOTTO]);
      expect(docx.pageSize.width).toBeCloseTo(210, 0);
      expect(docx.pageSize.height).toBeCloseTo(297, 0);
      expect(docx.fonts.default).toBe('Times New Roman');
    });

    it('prints no "now": neither the clock’s day when generated nor the real one', async () => {
      const pdf = await pdfText(expectFile(await download(s.secretariat, plan.id, 'pdf')));
      const docx = await docxText(expectFile(await download(s.secretariat, plan.id, 'docx')));
      const texts = [collapse(pdf.text), collapse(docx.paragraphs.join('\n'))];
      for (const form of [...printedForms(new Date(issueAt)), ...printedForms(new Date())]) {
        for (const text of texts) expect(text).not.toContain(form);
      }
      // The PDF's own dates are the document's day (its midnight in Asia/Ho_Chi_Minh), not "now".
      for (const value of [pdf.info['CreationDate'], pdf.info['ModDate']]) {
        if (value === undefined) continue;
        const [, y, mo, d, h, mi] = /^D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})/.exec(value) ?? [];
        const instant = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi));
        const local = new Date(instant + 7 * 3_600_000).toISOString().slice(0, 10);
        expect({ value, local }).toEqual({ value, local: '2021-03-30' });
      }
    });

    it('answers 404 for a format the plan has not, 400 for one that is no format', async () => {
      const missing = await download(s.secretariat, plan.id, 'xlsx');
      expect({
        status: missing.status,
        type: (JSON.parse(missing.text) as { type: string }).type,
      }).toEqual({
        status: 404,
        type: 'not-found',
      });
      const bad = await s.secretariat.get(`/documents/${plan.id}/content`, {
        query: { format: 'odt' },
      });
      expect(bad.status).toBe(400);
    });
  });

  describe('the council session, the decision of three and the proposal of two', () => {
    it('reviews five dossiers to a closed session with all of them approved', async () => {
      await s.moveClock(submitAt);
      const individual = (key: string) => ({
        kind: 'individual' as const,
        personId: people[key] as string,
      });
      for (const key of ['g1', 'g2', 'g3']) {
        giay.push(await s.submitted(campaignId, individual(key), GIAY_KHEN));
      }
      for (const key of ['b1', 'b2']) {
        bang.push(await s.submitted(campaignId, individual(key), BANG_KHEN));
      }
      await s.moveClock(acceptAt);
      for (const id of [...giay, ...bang]) expectStatus(await s.accept(id), 200);
      expectStatus(
        await s.configureCouncil({
          quorum: '2/3',
          thresholds: [{ fraction: '1/2', of: 'all-members', secretBallot: false }],
          effectiveFrom: '2021-04-01',
        }),
        200,
      );
      await s.moveClock(sessionAt);
      const opened = expectStatus(
        await s.openSession(campaignId, {
          heldOn: '2021-05-14',
          awardFormCodes: [GIAY_KHEN, BANG_KHEN],
        }),
        201,
      );
      const plans: BallotPlan[] = [...giay, ...bang].map((nominationId) => ({
        nominationId,
        choices: [true, true, true],
      }));
      await s.castBallots(opened.id, plans);
      const closed = expectStatus(await s.closeSession(opened.id), 200);
      expect(closed.status).toBe('closed');
      await s.statusesReached(
        campaignId,
        Object.fromEntries([...giay, ...bang].map((id) => [id, 'approved' as const])),
      );
    });

    it('decides three Giấy khen and proposes two Bằng khen: 201 each', async () => {
      await s.moveClock(decideAt);
      const decided = await s.decide(campaignId, GIAY_KHEN, giay, '2021-05-17');
      expect(decided.status).toBe(201);
      decision = decided.body as unknown as DecisionView;
      expect(decision.awardees.map((a) => a.goldenBookNumber).sort()).toEqual([1, 2, 3]);

      await s.moveClock(proposeAt);
      const proposed = await s.head.post<ProposalView>(`/campaigns/${campaignId}/proposals`, {
        awardFormCode: BANG_KHEN,
        nominationIds: bang,
        proposedOn: '2021-05-20',
      });
      proposal = expectStatus(proposed, 201);
    });

    it('generates the decision with its annex of three awardees and their golden-book numbers', async () => {
      const list = await documentsReady(s.secretariat, campaignId, { decision: 1, certificate: 3 });
      const document = list.items.find((item) => item.kind === 'decision');
      expect(document).toMatchObject({
        number: decision.number,
        issuedOn: '2021-05-17',
        source: { kind: 'decision', id: decision.id },
      });
      const pdf = await pdfText(expectFile(await download(s.secretariat, document!.id, 'pdf')));
      const text = collapse(pdf.text);
      expect(text).toContain(`Số: ${decision.number}`);
      expect(text).toContain('Bắc Kạn, ngày 17 tháng 5 năm 2021');
      expect(text).toContain('QUYẾT ĐỊNH');
      // The annex (after the main text) lists each awardee with its golden-book number.
      const annexStart = pdf.pages.findIndex((page) =>
        page.lines.some((line) => /PHỤ LỤC|DANH SÁCH/u.test(line)),
      );
      expect(annexStart).toBeGreaterThan(0);
      const annex = pdf.pages.slice(annexStart).flatMap((page) => page.lines);
      for (const awardee of decision.awardees) {
        const name = (awardee.nominee as { fullName: string }).fullName;
        const row = annex.find((line) => collapse(line).includes(name));
        expect({ name, row }).toEqual({ name, row: expect.any(String) as unknown });
        expect(collapse(row!)).toMatch(new RegExp(`(^|\\D)${awardee.goldenBookNumber}(\\D|$)`));
      }
      const docx = await docxText(expectFile(await download(s.secretariat, document!.id, 'docx')));
      expect(collapse(docx.paragraphs.join('\n'))).toContain(`Số: ${decision.number}`);
    });

    it('generates a certificate per awardee: A4 landscape, the decision number and its golden-book number', async () => {
      const certificates = (await documents('certificate')).items;
      expect(certificates).toHaveLength(3);
      expect(certificates.map((c) => c.subjectPersonId).sort()).toEqual(
        ['g1', 'g2', 'g3'].map((key) => people[key]).sort(),
      );
      for (const certificate of certificates) {
        const awardee = decision.awardees.find((a) => a.personId === certificate.subjectPersonId);
        expect(certificate).toMatchObject({ status: 'ready', number: decision.number });
        const pdf = await pdfText(expectFile(await download(s.secretariat, certificate.id, 'pdf')));
        expect(pdf.pages).toHaveLength(1);
        expect(pdf.pages[0]?.width).toBeCloseTo(A4.long, 0);
        expect(pdf.pages[0]?.height).toBeCloseTo(A4.short, 0);
        const text = collapse(pdf.text);
        expect(text).toContain('GIẤY KHEN');
        expect(text).toContain(decision.number as string);
        expect(text).toContain((awardee?.nominee as { fullName: string }).fullName);
        expect(text).toMatch(
          new RegExp(`sổ vàng\\D{0,5}${awardee?.goldenBookNumber}(\\D|$)`, 'iu'),
        );
        for (const form of printedForms(new Date(decideAt))) expect(text).not.toContain(form);
      }
    });

    it('generates the proposal letter, the summary list in Vietnamese order, and the minutes', async () => {
      const list = await documentsReady(s.secretariat, campaignId, {
        proposal: 1,
        'summary-list': 1,
        minutes: 1,
      });
      const letter = list.items.find((item) => item.kind === 'proposal');
      expect(letter).toMatchObject({ number: proposal.number, issuedOn: '2021-05-20' });
      const letterText = collapse(
        (await pdfText(expectFile(await download(s.secretariat, letter!.id, 'pdf')))).text,
      );
      expect(letterText).toContain(`Số: ${proposal.number}`);
      expect(letterText).toContain('TỜ TRÌNH');

      const summary = list.items.find((item) => item.kind === 'summary-list');
      expect(summary?.formats.map((f) => f.format).sort()).toEqual(['docx', 'xlsx']);
      const xlsx = await download(s.secretariat, summary!.id, 'xlsx');
      expect(xlsx.headers['content-type']).toBe(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      const rows = await xlsxRows(expectFile(xlsx));
      const proposed = [names['b1'], names['b2']] as string[];
      const listed = rows
        .flatMap((row) => row.filter((cell) => proposed.includes(collapse(cell))))
        .map(collapse);
      expect(listed).toEqual(vietnameseOrder(proposed));
      expect(listed).toEqual(['Hoàng Thị Ánh', 'Nông Văn Bình']);

      const minutes = list.items.find((item) => item.kind === 'minutes');
      expect(minutes).toMatchObject({ issuedOn: '2021-05-14', status: 'ready' });
      const minutesText = collapse(
        (await pdfText(expectFile(await download(s.secretariat, minutes!.id, 'pdf')))).text,
      );
      expect(minutesText).toContain('BIÊN BẢN');
      for (const key of ['g1', 'g2', 'g3', 'b1', 'b2']) {
        expect(minutesText).toContain(names[key]);
      }
    });

    it('lists the campaign’s documents with their progress, by kind and by cursor', async () => {
      const all = await documents();
      const kinds = all.items.map((item) => item.kind).sort();
      expect(kinds).toEqual(
        [
          'certificate',
          'certificate',
          'certificate',
          'decision',
          'minutes',
          'plan',
          'proposal',
          'summary-list',
        ].sort(),
      );
      expect(all.progress).toEqual({ total: 8, ready: 8, pending: 0, failed: 0 });
      const certificates = expectStatus(
        await s.secretariat.get<DocumentList>(`/campaigns/${campaignId}/documents`, {
          query: { kind: 'certificate' },
        }),
        200,
      );
      expect(certificates.items).toHaveLength(3);
      expect(certificates.progress.total).toBe(8);
      // Two at a time: every document once.
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: DocumentList = expectStatus(
          await s.secretariat.get<DocumentList>(`/campaigns/${campaignId}/documents`, {
            query: { limit: 2, ...(cursor === null ? {} : { cursor }) },
          }),
          200,
        );
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items.map((item) => item.id));
        cursor = page.nextCursor;
      } while (cursor !== null);
      expect(seen.sort()).toEqual(all.items.map((item) => item.id).sort());
    });
  });

  describe('who may read them', () => {
    it("lets an awardee's own account download its certificate, and nothing else", async () => {
      const own = await personAccount(s, 'an.nguyen.bk', names['g1'] as string, people['g1']!);
      const certificates = (await documents('certificate')).items;
      const mine = certificates.find((c) => c.subjectPersonId === people['g1']);
      const theirs = certificates.find((c) => c.subjectPersonId === people['g2']);
      const decisionDocument = (await documents('decision')).items[0];
      expect(expectStatus(await own.get<DocumentView>(`/documents/${mine!.id}`), 200).id).toBe(
        mine!.id,
      );
      const file = await download(own, mine!.id, 'pdf');
      expect(collapse((await pdfText(expectFile(file))).text)).toContain(names['g1']);
      for (const other of [theirs!, decisionDocument!, plan]) {
        expectProblem(await own.get(`/documents/${other.id}`), 404, 'not-found');
        expect((await download(own, other.id, 'pdf')).status).toBe(404);
      }
      expect((await own.get(`/campaigns/${campaignId}/documents`)).status).toBe(403);
    });

    it("answers 404 to another tenant's admin for every document and the list", async () => {
      const certificate = (await documents('certificate')).items[0];
      for (const document of [plan, certificate!]) {
        expectProblem(await stranger().get(`/documents/${document.id}`), 404, 'not-found');
        expect((await download(stranger(), document.id, 'pdf')).status).toBe(404);
      }
      expectProblem(await stranger().get(`/campaigns/${campaignId}/documents`), 404, 'not-found');
    });

    it('answers 404 for an unknown document', async () => {
      expectProblem(
        await s.secretariat.get('/documents/00000000-0000-4000-8000-000000000000'),
        404,
        'not-found',
      );
    });
  });
});
