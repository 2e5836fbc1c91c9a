/**
 * `npm run samples` (issue #7): renders one document of each kind from fixed inputs
 * (`bench/documents-inputs.ts`: the fixture's plan 27/KH-SKHCN, a decision of three Giấy khen,
 * the first of its certificates, a proposal of Bằng khen with its summary list, the minutes of
 * the council session) with the document service's generator, and writes page 1 of each PDF as
 * `docs/samples/<kind>.png` (poppler's `pdftoppm`, 80 dpi) — the pictures the layout review
 * looks at. The summary list is generated as XLSX and DOCX only; its sample is its DOCX model
 * rendered to PDF by the same renderer. The PDFs are kept in a temporary directory, printed at
 * the end. Needs `pdftoppm` (Debian `poppler-utils`, which `.ci/run` installs).
 */
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { sampleInputs } from '../bench/documents-inputs';
import { generateFiles } from '../services/document/src/generation/generate';
import { summaryListModels } from '../services/document/src/generation/kinds';
import { DOCUMENT_KINDS, type DocumentKind } from '../services/document/src/generation/model';
import { renderPdf } from '../services/document/src/generation/render';
import { projectRoot } from '@ttkt/testing';

/** The resolution of the samples, in dots per inch. */
const DPI = 80;

/** The PDF to picture for `kind`. */
async function samplePdf(kind: DocumentKind): Promise<Buffer> {
  const input = sampleInputs()[kind];
  if (input.kind === 'summary-list') {
    const { docx } = summaryListModels({
      event: input.proposal,
      names: input.names,
      sessionHeldOn: input.sessionHeldOn,
    });
    return renderPdf(docx);
  }
  const files = await generateFiles(kind, input);
  const pdf = files.find((file) => file.format === 'pdf');
  if (!pdf) throw new Error(`${kind}: the generator made no PDF`);
  return pdf.content;
}

async function main(): Promise<void> {
  const root = projectRoot();
  const out = path.join(root, 'docs', 'samples');
  const work = mkdtempSync(path.join(tmpdir(), 'ttkt-samples-'));
  mkdirSync(out, { recursive: true });
  for (const kind of DOCUMENT_KINDS) {
    const pdf = path.join(work, `${kind}.pdf`);
    writeFileSync(pdf, await samplePdf(kind));
    execFileSync(
      'pdftoppm',
      ['-png', '-r', String(DPI), '-f', '1', '-l', '1', '-singlefile', pdf, path.join(out, kind)],
      { stdio: 'inherit' },
    );
    process.stdout.write(`docs/samples/${kind}.png  (from ${pdf})\n`);
  }
}

main().catch((error: unknown) => {
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(
    (error as NodeJS.ErrnoException).code === 'ENOENT'
      ? `pdftoppm not found: install poppler-utils (apt-get install poppler-utils)\n${text}\n`
      : `${text}\n`,
  );
  process.exit(1);
});
