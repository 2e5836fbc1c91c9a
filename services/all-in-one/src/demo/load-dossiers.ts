import { ApiError, type ApiClient } from './api-client';
import { demoPdf, withoutDiacritics } from './demo-pdf';
import type { DemoPerson } from './directory-data';
import type { DemoDossier } from './dossier-data';
import { retryWhileCatchingUp } from './retry';
import type { DemoJson } from './shift-plan';

/** A demo dossier once recorded. */
export interface LoadedDossier {
  id: string;
  status: string;
  submittedAt: string | null;
}

/** Where the dossiers of one plan go, and what their documents say. */
export interface DossierTarget {
  campaignId: string;
  /** The plan as drafted: its criteria and each form's unit-stage documents. */
  plan: { [key: string]: DemoJson };
  planNumber: string;
  agencyName: string;
  /** The place the documents are dated at (`Bắc Kạn`, `Thái Nguyên`). */
  place: string;
  /** The day the unit documents are dated (`YYYY-MM-DD`). */
  datedOn: string;
  /** The agency's units by code. */
  units: ReadonlyMap<string, { id: string; name: string }>;
  /** The agency's people by key. */
  people: ReadonlyMap<string, DemoPerson & { id: string }>;
  /** The signed-in accounts by username (the dossiers' `by`). */
  clients: ReadonlyMap<string, ApiClient>;
  /** Retries while the nomination service catches up with the plan and the directory (ms). */
  timeoutMs: number;
}

interface DossierRead {
  id: string;
  status: string;
  submittedAt: string | null;
}

/**
 * Records `dossiers` through the public API, each as its nominating account: nominate (retried
 * while the nomination service has not yet heard of the issued plan or the nominee), attach the
 * form's unit-stage documents (small PDFs with Vietnamese file names; a unit's letter and minutes
 * are the same file in each of its dossiers, stored once), then submit when asked. The dossiers
 * go in parallel, each one's steps in order.
 */
export function recordDossiers(
  dossiers: readonly DemoDossier[],
  target: DossierTarget,
): Promise<LoadedDossier[]> {
  return Promise.all(
    dossiers.map(async (dossier) => {
      const client = target.clients.get(dossier.by);
      if (!client) throw new Error(`demo dossier: ${dossier.by} is not signed in`);
      const unit = unitOf(target, dossier.unit);
      const nominee = nomineeOf(target, dossier);
      // 422: the plan or the nominee has not reached the nomination service yet; nothing is
      // stored on a refusal, so the same request may go again.
      const created = await retryWhileCatchingUp(
        () =>
          client.post<DossierRead>(`/campaigns/${target.campaignId}/nominations`, {
            awardFormCode: dossier.awardFormCode,
            nominatingUnitId: unit.id,
            nominee: nominee.ref,
            achievementSummary: dossier.achievementSummary,
            criteria: criteriaOf(target.plan, dossier),
          }),
        target.timeoutMs,
        [422, 503],
      );
      let read: DossierRead = created.body;
      for (const document of unitStageDocuments(target.plan, dossier.awardFormCode)) {
        const file = documentFile(target, document, unit.name, nominee.name, dossier);
        await client.upload(
          `/nominations/${read.id}/documents`,
          { documentTypeCode: document.code },
          { content: file.content, fileName: file.fileName, mediaType: 'application/pdf' },
        );
      }
      if (dossier.submit) {
        read = (await client.post<DossierRead>(`/nominations/${read.id}/submit`, {})).body;
        if (read.status !== 'submitted')
          throw new Error(`demo dossier ${read.id} was not submitted: ${read.status}`);
      }
      return { id: read.id, status: read.status, submittedAt: read.submittedAt ?? null };
    }),
  ).catch((error: unknown) => {
    throw error instanceof ApiError
      ? new Error(`recording the demo dossiers of ${target.planNumber}: ${error.message}`)
      : error;
  });
}

function unitOf(target: DossierTarget, code: string): { id: string; name: string } {
  const unit = target.units.get(code);
  if (!unit) throw new Error(`demo dossier: no unit ${code}`);
  return unit;
}

function nomineeOf(
  target: DossierTarget,
  dossier: DemoDossier,
): { ref: { kind: string; personId?: string; unitId?: string }; name: string } {
  if (dossier.nominee.kind === 'collective') {
    const unit = unitOf(target, dossier.nominee.unit);
    return { ref: { kind: 'collective', unitId: unit.id }, name: unit.name };
  }
  const person = target.people.get(dossier.nominee.person);
  if (!person) throw new Error(`demo dossier: no person ${dossier.nominee.person}`);
  return { ref: { kind: 'individual', personId: person.id }, name: person.fullName };
}

/**
 * The self-assessment: the plan's general criteria as met, then those of the nominee's kind,
 * met, with the dossier's evidence in order.
 */
function criteriaOf(
  plan: { [key: string]: DemoJson },
  dossier: DemoDossier,
): Array<{ criterion: string; met: boolean; evidence?: string }> {
  const criteria = (plan.criteria ?? {}) as { [kind: string]: DemoJson };
  const texts = (key: string): string[] => {
    const list = criteria[key];
    return Array.isArray(list) ? list.map(String) : [];
  };
  return [
    ...texts('general').map((criterion) => ({ criterion, met: true })),
    ...texts(dossier.nominee.kind).map((criterion, index) => {
      const evidence = dossier.evidence[index];
      return { criterion, met: true, ...(evidence === undefined ? {} : { evidence }) };
    }),
  ];
}

/** The form's unit-stage documents, as the plan lists them. */
function unitStageDocuments(
  plan: { [key: string]: DemoJson },
  awardFormCode: string,
): Array<{ code: string; name: string }> {
  const forms = (plan.awardForms ?? []) as Array<{ [key: string]: DemoJson }>;
  const form = forms.find((candidate) => candidate.code === awardFormCode);
  const stage = form?.unitStage as { requiredDocuments?: Array<{ code: string; name: string }> };
  if (!stage?.requiredDocuments) throw new Error(`demo dossier: no award form ${awardFormCode}`);
  return stage.requiredDocuments;
}

/**
 * The PDF for one required document: the unit's letter (Công văn đề nghị) and minutes (Biên bản
 * họp xét) are one file per unit and plan; the achievement report (Báo cáo thành tích) is the
 * nominee's own.
 */
function documentFile(
  target: DossierTarget,
  document: { code: string; name: string },
  unitName: string,
  nomineeName: string,
  dossier: DemoDossier,
): { content: Buffer; fileName: string } {
  const dated = `${target.place}, ${writtenDate(target.datedOn)}`;
  const heading = [target.agencyName, unitName, dated];
  const plan = `Thực hiện Kế hoạch số ${target.planNumber} của ${target.agencyName}`;
  switch (document.code) {
    case 'CONG_VAN_DE_NGHI':
      return file(`Công văn đề nghị khen thưởng - ${unitName}`, [
        ...heading,
        `V/v đề nghị khen thưởng theo Kế hoạch số ${target.planNumber}`,
        plan,
        `${unitName} đề nghị xét khen thưởng các tập thể, cá nhân có thành tích trong đợt thi đua.`,
      ]);
    case 'BIEN_BAN_HOP_XET':
      return file(`Biên bản họp xét thi đua - ${unitName}`, [
        ...heading,
        plan,
        `${unitName} họp xét, thống nhất đề nghị khen thưởng các tập thể, cá nhân trong đợt thi đua.`,
      ]);
    case 'BAO_CAO_THANH_TICH':
      return achievementReport(target, unitName, nomineeName, dossier.achievementSummary);
    default:
      return file(`${document.name} - ${nomineeName}`, [...heading, document.name]);
  }
}

/**
 * The nominee's achievement report (Báo cáo thành tích) as a PDF dated `target.datedOn`; a
 * supplemented one (after a return) names what it adds in `supplement`, and says so in its title.
 */
export function achievementReport(
  target: Pick<DossierTarget, 'agencyName' | 'place' | 'datedOn'>,
  unitName: string,
  nomineeName: string,
  achievementSummary: string,
  supplement?: string,
): { content: Buffer; fileName: string } {
  const title = supplement
    ? `Báo cáo thành tích (bổ sung) - ${nomineeName}`
    : `Báo cáo thành tích - ${nomineeName}`;
  return file(title, [
    target.agencyName,
    unitName,
    `${target.place}, ${writtenDate(target.datedOn)}`,
    `Báo cáo thành tích của ${nomineeName}`,
    achievementSummary,
    ...(supplement ? [supplement] : []),
  ]);
}

function file(title: string, lines: readonly string[]): { content: Buffer; fileName: string } {
  return {
    content: demoPdf(
      title,
      lines.flatMap((line) => wrapped(line, 90)),
    ),
    fileName: `${title.normalize('NFC')}.pdf`,
  };
}

/** `line` cut at spaces into pieces of at most `width` characters (as printed, unaccented). */
function wrapped(line: string, width: number): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const word of line.split(' ')) {
    const next = current === '' ? word : `${current} ${word}`;
    if (withoutDiacritics(next).length > width && current !== '') {
      pieces.push(current);
      current = word;
    } else current = next;
  }
  if (current !== '') pieces.push(current);
  return pieces;
}

/**
 * `2021-05-04` → `ngày 04 tháng 5 năm 2021`, as official documents date themselves (a day below
 * 10 and the months January and February with a leading zero).
 */
function writtenDate(date: string): string {
  const [year = '', month = '', day = ''] = date.split('-');
  return `ngày ${day} tháng ${Number(month) < 3 ? month : Number(month)} năm ${year}`;
}
