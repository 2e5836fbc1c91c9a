import { MAX_QUOTA, type ValidationIssue } from '@ttkt/contracts';
import { isCalendarDate } from './cutoff';
import { KNOWN_DOCUMENT_CODES } from './dossier-documents';

/**
 * What the campaign service's copy of the directory knows about the plan's agency: whether it
 * exists in the tenant, and the codes of its units.
 */
export interface DirectoryFacts {
  agencyExists: boolean;
  unitCodes: ReadonlySet<string>;
}

/** The kinds of `decidedBy`. */
export const DECIDED_BY_KINDS = ['agency-head', 'higher-authority'] as const;

const DOCUMENT_CODE = /^[A-Z0-9_]+$/;

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every `{ kind: "unit", unit: "<code>" }` in the plan, with its path (`responsibilities[0].who.unit`). */
export function unitReferences(value: unknown, path = ''): { path: string; code: string }[] {
  if (Array.isArray(value)) {
    return value.flatMap((item, index) => unitReferences(item, `${path}[${index}]`));
  }
  if (!isObject(value)) return [];
  const own =
    value.kind === 'unit' && typeof value.unit === 'string'
      ? [{ path: join(path, 'unit'), code: value.unit }]
      : [];
  return [
    ...own,
    ...Object.entries(value).flatMap(([key, inner]) => unitReferences(inner, join(path, key))),
  ];
}

function join(parent: string, key: string): string {
  return parent === '' ? key : `${parent}.${key}`;
}

/**
 * Checks a whole plan (the fields of `POST /campaigns`, `agencyId` and `title` included) against
 * the plan's shape and the domain's rules, and returns every failing path (empty = valid). Pure:
 * the directory's facts are given. Messages are the gateway's message keys.
 */
export function validatePlan(plan: Json, facts: DirectoryFacts): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const fail = (path: string, message: string): void => {
    issues.push({ path, message });
  };
  const text = (value: unknown, path: string, required = true): value is string => {
    if (value === undefined) {
      if (required) fail(path, 'isDefined');
      return false;
    }
    if (typeof value !== 'string') {
      fail(path, 'isString');
      return false;
    }
    if (value.trim() === '') {
      fail(path, 'isNotEmpty');
      return false;
    }
    return true;
  };
  const object = (value: unknown, path: string, required = true): value is Json => {
    if (value === undefined) {
      if (required) fail(path, 'isDefined');
      return false;
    }
    if (!isObject(value)) {
      fail(path, 'isObject');
      return false;
    }
    return true;
  };
  const list = (value: unknown, path: string, required = true): value is unknown[] => {
    if (value === undefined) {
      if (required) fail(path, 'isDefined');
      return false;
    }
    if (!Array.isArray(value)) {
      fail(path, 'isArray');
      return false;
    }
    return true;
  };
  const date = (value: unknown, path: string): value is string => {
    if (value === undefined) {
      fail(path, 'isDefined');
      return false;
    }
    if (!isCalendarDate(value)) {
      fail(path, 'isDateString');
      return false;
    }
    return true;
  };
  const texts = (value: unknown, path: string): void => {
    if (list(value, path, false)) value.forEach((item, i) => text(item, `${path}[${i}]`));
  };

  if (text(plan.agencyId, 'agencyId') && !facts.agencyExists) fail('agencyId', 'unknownAgency');
  text(plan.title, 'title');
  text(plan.issuedAt, 'issuedAt', false);
  texts(plan.basis, 'basis');
  text(plan.preamble, 'preamble', false);
  texts(plan.purposes, 'purposes');
  texts(plan.contents, 'contents');
  text(plan.recipientsHeading, 'recipientsHeading', false);
  text(plan.closing, 'closing', false);

  if (object(plan.period, 'period')) {
    const { from, to, toInclusive } = plan.period;
    const fromOk = date(from, 'period.from');
    const toOk = date(to, 'period.to');
    if (fromOk && toOk && from > to) fail('period.to', 'periodEndsBeforeStart');
    if (toInclusive !== undefined && typeof toInclusive !== 'boolean') {
      fail('period.toInclusive', 'isBoolean');
    }
  }

  const subjectKinds = new Set<string>();
  if (object(plan.subjects, 'subjects')) {
    const entries = Object.entries(plan.subjects);
    if (entries.length === 0) fail('subjects', 'isNotEmpty');
    for (const [kind, description] of entries) {
      if (text(description, `subjects.${kind}`)) subjectKinds.add(kind);
    }
  }

  if (list(plan.awardForms, 'awardForms')) {
    if (plan.awardForms.length === 0) fail('awardForms', 'arrayMinSize');
    const codes = new Map<string, number>();
    plan.awardForms.forEach((form, index) =>
      validateAwardForm(form, `awardForms[${index}]`, { fail, text, object, list, date }, () => {
        if (isObject(form) && typeof form.code === 'string') {
          if (codes.has(form.code)) fail(`awardForms[${index}].code`, 'duplicateCode');
          else codes.set(form.code, index);
        }
      }),
    );
    plan.awardForms.forEach((form, index) => {
      if (!isObject(form) || !Array.isArray(form.eligibleSubjects)) return;
      form.eligibleSubjects.forEach((kind, i) => {
        if (typeof kind === 'string' && subjectKinds.size > 0 && !subjectKinds.has(kind)) {
          fail(`awardForms[${index}].eligibleSubjects[${i}]`, 'unknownSubject');
        }
      });
    });
  }

  if (object(plan.criteria, 'criteria', false)) {
    for (const [kind, lines] of Object.entries(plan.criteria)) {
      if (list(lines, `criteria.${kind}`)) {
        lines.forEach((line, i) => text(line, `criteria.${kind}[${i}]`));
      }
    }
  }
  if (list(plan.responsibilities, 'responsibilities', false)) {
    plan.responsibilities.forEach((item, i) => {
      const path = `responsibilities[${i}]`;
      if (!object(item, path)) return;
      if (object(item.who, `${path}.who`)) text(item.who.kind, `${path}.who.kind`);
      text(item.text, `${path}.text`);
    });
  }
  if (list(plan.recipients, 'recipients', false)) {
    plan.recipients.forEach((item, i) => {
      if (object(item, `recipients[${i}]`)) text(item.name, `recipients[${i}].name`);
    });
  }
  if (object(plan.signer, 'signer')) {
    text(plan.signer.title, 'signer.title');
    text(plan.signer.name, 'signer.name');
  }

  if (facts.agencyExists) {
    for (const reference of unitReferences(plan)) {
      if (!facts.unitCodes.has(reference.code)) fail(reference.path, 'unknownUnit');
    }
  }
  return issues;
}

interface Checks {
  fail: (path: string, message: string) => void;
  text: (value: unknown, path: string, required?: boolean) => value is string;
  object: (value: unknown, path: string, required?: boolean) => value is Json;
  list: (value: unknown, path: string, required?: boolean) => value is unknown[];
  date: (value: unknown, path: string) => value is string;
}

function validateAwardForm(
  form: unknown,
  path: string,
  checks: Checks,
  checkCode: () => void,
): void {
  const { fail, text, object, list } = checks;
  if (!object(form, path)) return;
  text(form.code, `${path}.code`);
  checkCode();
  text(form.name, `${path}.name`);
  text(form.quotaText, `${path}.quotaText`, false);
  text(form.procedureText, `${path}.procedureText`, false);
  let kind: string | undefined;
  if (object(form.decidedBy, `${path}.decidedBy`)) {
    const value = form.decidedBy.kind;
    if (value === undefined) fail(`${path}.decidedBy.kind`, 'isDefined');
    else if (!(DECIDED_BY_KINDS as readonly unknown[]).includes(value)) {
      fail(`${path}.decidedBy.kind`, 'isIn');
    } else kind = value as string;
  }
  if (object(form.quota, `${path}.quota`)) {
    const max = form.quota.max;
    if (max === undefined) fail(`${path}.quota.max`, 'isDefined');
    else if (typeof max !== 'number' || !Number.isInteger(max)) fail(`${path}.quota.max`, 'isInt');
    else if (max < 1) fail(`${path}.quota.max`, 'min');
    else if (max > MAX_QUOTA) fail(`${path}.quota.max`, 'max');
  }
  if (list(form.eligibleSubjects, `${path}.eligibleSubjects`)) {
    if (form.eligibleSubjects.length === 0) fail(`${path}.eligibleSubjects`, 'arrayMinSize');
    form.eligibleSubjects.forEach((item, i) => text(item, `${path}.eligibleSubjects[${i}]`));
  }
  const unitBefore = validateStage(form.unitStage, `${path}.unitStage`, checks, true);
  if (kind === 'higher-authority' && form.proposalStage === undefined) {
    fail(`${path}.proposalStage`, 'proposalStageRequired');
  }
  const proposalBefore =
    form.proposalStage === undefined
      ? undefined
      : validateStage(form.proposalStage, `${path}.proposalStage`, checks, true);
  if (unitBefore !== undefined && proposalBefore !== undefined && unitBefore > proposalBefore) {
    fail(`${path}.unitStage.before`, 'afterProposalStage');
  }
}

/** Checks a stage; returns its `before` when valid. */
function validateStage(
  stage: unknown,
  path: string,
  { fail, text, object, list, date }: Checks,
  required: boolean,
): string | undefined {
  if (!object(stage, path, required)) return undefined;
  if (object(stage.to, `${path}.to`)) text(stage.to.kind, `${path}.to.kind`);
  const before = date(stage.before, `${path}.before`) ? stage.before : undefined;
  text(stage.beforeWording, `${path}.beforeWording`, false);
  text(stage.place, `${path}.place`, false);
  if (stage.copies !== undefined && object(stage.copies, `${path}.copies`)) {
    for (const [key, count] of Object.entries(stage.copies)) {
      if (typeof count !== 'number' || !Number.isInteger(count))
        fail(`${path}.copies.${key}`, 'isInt');
      else if (count < 1) fail(`${path}.copies.${key}`, 'min');
    }
  }
  if (list(stage.requiredDocuments, `${path}.requiredDocuments`)) {
    const seen = new Set<string>();
    stage.requiredDocuments.forEach((document, i) => {
      const at = `${path}.requiredDocuments[${i}]`;
      if (!object(document, at)) return;
      if (text(document.code, `${at}.code`)) {
        if (!DOCUMENT_CODE.test(document.code)) fail(`${at}.code`, 'matches');
        else if (seen.has(document.code)) fail(`${at}.code`, 'duplicateCode');
        else if (!KNOWN_DOCUMENT_CODES.has(document.code)) fail(`${at}.code`, 'unknownDocument');
        seen.add(document.code);
      }
      text(document.name, `${at}.name`);
      if (document.sealed !== undefined && typeof document.sealed !== 'boolean') {
        fail(`${at}.sealed`, 'isBoolean');
      }
    });
  }
  return before;
}
