import type {
  CertificateModel,
  DocumentFormat,
  DocumentKind,
  OfficialDocumentModel,
} from './model';
import type { DocumentInput } from '../documents/document-inputs';
import {
  certificateModels,
  decisionModel,
  minutesModel,
  planModel,
  proposalModel,
  summaryListModels,
} from './kinds';
import { addressedName, printedNominee } from './kinds/common';
import {
  renderCertificateDocx,
  renderCertificatesPdf,
  renderDocx,
  renderPdf,
  renderXlsx,
} from './render';

/** One generated file, before it is stored. */
export interface GeneratedFile {
  format: DocumentFormat;
  content: Buffer;
  mediaType: string;
  /** ASCII, e.g. `ke-hoach-27-KH-SKHCN.pdf`. */
  fileName: string;
}

/** Generates a document's files from its stored input (the worker's dependency; tests replace it). */
export type GenerateFiles = (kind: DocumentKind, input: DocumentInput) => Promise<GeneratedFile[]>;

/** The media type of each format (as the blob store sniffs it). */
export const MEDIA_TYPES: Readonly<Record<DocumentFormat, string>> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * A document's files from its input, with the content builders (kinds/) and the renderers
 * (render/): the plan, the decision (its annex inside), the proposal letter and the minutes as PDF
 * and DOCX; a certificate as PDF (A4 landscape) and DOCX; the summary list as XLSX and DOCX. The
 * same input gives the same text (no "now" inside a document). Throws when the input does not
 * fit the kind.
 */
export async function generateFiles(
  kind: DocumentKind,
  input: DocumentInput,
): Promise<GeneratedFile[]> {
  if (input.kind !== kind)
    throw new Error(`a ${kind} cannot be generated from a ${input.kind}'s input`);
  switch (input.kind) {
    case 'plan':
      return official(
        planModel({ event: input.campaign, names: input.names }),
        `ke-hoach-${slug(input.campaign.planNumber)}`,
      );
    case 'decision':
      return official(
        decisionModel({
          event: input.decision,
          names: input.names,
          sessionHeldOn: input.sessionHeldOn,
        }),
        `quyet-dinh-${slug(input.decision.number)}`,
      );
    case 'certificate': {
      const models = certificateModels({ event: input.decision, names: input.names });
      const [model] = models;
      const awardee = input.decision.awardees[0];
      if (models.length !== 1 || !model || !awardee) {
        throw new Error(`a certificate needs exactly one awardee, got ${models.length}`);
      }
      const stem = `giay-khen-${slug(input.decision.number)}-${slug(certificateName(model)).toLowerCase()}`;
      return certificate(model, stem);
    }
    case 'proposal':
      return official(
        proposalModel({
          event: input.proposal,
          names: input.names,
          sessionHeldOn: input.sessionHeldOn,
        }),
        `to-trinh-${slug(input.proposal.number)}`,
      );
    case 'summary-list': {
      const { docx, sheet } = summaryListModels({
        event: input.proposal,
        names: input.names,
        sessionHeldOn: input.sessionHeldOn,
      });
      const stem = `danh-sach-trich-ngang-${slug(input.proposal.number)}`;
      return [
        file('xlsx', await renderXlsx(sheet), stem),
        file('docx', await renderDocx(docx), stem),
      ];
    }
    case 'minutes': {
      const { campaign } = input;
      const model = minutesModel({
        event: input.session,
        names: input.names,
        people: input.members,
        nominees: Object.fromEntries(
          Object.entries(input.nominees).map(([nominationId, facts]) => [
            nominationId,
            addressedName(printedNominee(facts.nominee as unknown as Record<string, unknown>)),
          ]),
        ),
        awardForms: campaign
          ? Object.fromEntries(campaign.awardForms.map((form) => [form.code, form.name]))
          : null,
        plan: campaign
          ? {
              planNumber: campaign.planNumber,
              planIssuedOn: campaign.issuedOn,
              planTitle: campaign.title,
            }
          : null,
      });
      return official(model, `bien-ban-hop-hoi-dong-${input.session.heldOn}`);
    }
  }
}

async function official(model: OfficialDocumentModel, stem: string): Promise<GeneratedFile[]> {
  return [file('pdf', await renderPdf(model), stem), file('docx', await renderDocx(model), stem)];
}

async function certificate(model: CertificateModel, stem: string): Promise<GeneratedFile[]> {
  return [
    file('pdf', await renderCertificatesPdf([model]), stem),
    file('docx', await renderCertificateDocx(model), stem),
  ];
}

function file(format: DocumentFormat, content: Buffer, stem: string): GeneratedFile {
  return { format, content, mediaType: MEDIA_TYPES[format], fileName: `${stem}.${format}` };
}

/** The certificate's recipient without `Ông`/`Bà`. */
function certificateName(model: CertificateModel): string {
  return model.recipientName.replace(/^(Ông|Bà)\s+/u, '');
}

/**
 * A file-name part in ASCII: accents dropped (`Đ` → `D`), anything but letters, digits and `-`
 * as `-`, at most 80 characters: `28/QĐ-SKHCN` → `28-QD-SKHCN`, `Nguyễn Thị Lan` →
 * `Nguyen-Thi-Lan`.
 */
export function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
}
