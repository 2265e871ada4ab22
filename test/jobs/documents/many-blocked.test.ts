/**
 * A base where more contracts are blocked than the report lists: the report names the first REPORTED_BLOCKED with
 * their fixes and counts the rest, and no PO loses its lines: each one's "Sync issues" says what its contract lacks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDocsReport } from '../../../src/cli/commands/docs.ts';
import { buildDocuments, REPORTED_BLOCKED, type BuildDocumentsDetails } from '../../../src/jobs/build-documents.ts';
import type { JobReport } from '../../../src/jobs/report.ts';
import type { Fields } from '../../../src/ports/airtable.ts';
import { startSampleWorkspace, type SampleWorkspace } from './sample-workspace.ts';

const EXTRA = REPORTED_BLOCKED + 7;

describe('documents job with more blocked contracts than the report lists', () => {
  let sw: SampleWorkspace;
  let report: JobReport<BuildDocumentsDetails>;

  beforeAll(async () => {
    sw = await startSampleWorkspace('2026-03-02');
    // Copies of PO-2411 (negotiating, terms missing), without its line items or milestones: each one's contract is
    // blocked, with lines that name its own PO.
    const model = await sw.find('Purchase Orders', 'PO number', 'PO-2411');
    const copyable = (name: string, value: unknown) => !Array.isArray(value) || name === 'Project' || name === 'Supplier';
    const fields: Fields = Object.fromEntries(Object.entries(model.fields).filter(([name, value]) => copyable(name, value) && name !== 'Sync issues'));
    const rows = Array.from({ length: EXTRA }, (_, i) => ({ ...fields, 'PO number': `PO-9${String(i).padStart(3, '0')}` }));
    for (let i = 0; i < rows.length; i += 10) await sw.records.create('Purchase Orders', rows.slice(i, i + 10));
    report = await buildDocuments(sw.deps());
  }, 120_000);
  afterAll(async () => {
    await sw.close();
  });

  it('lists the first ones with their fixes and counts every one', () => {
    expect(report.details.contractsBlockedCount).toBe(EXTRA + 1);
    expect(report.details.contractsBlocked).toHaveLength(REPORTED_BLOCKED);
    expect(report.problems.filter((p) => /: no purchase contract until \d+ field\(s\)/.test(p))).toHaveLength(EXTRA + 1);
    const printed = formatDocsReport(report);
    expect(printed).toContain(`… and ${EXTRA + 1 - 40} more POs (each listed on its "Sync issues").`);
  });

  it("puts every blocked PO's own lines on its Sync issues, listed in the report or not", async () => {
    const listed = new Map(report.details.contractsBlocked.map((b) => [b.po, b.fixes]));
    const pos = (await sw.records.list('Purchase Orders')).filter((po) => /^PO-9\d{3}$/.test(String(po.fields['PO number'])));
    expect(pos).toHaveLength(EXTRA);
    let unlisted = 0;
    for (const po of pos) {
      const number = String(po.fields['PO number']);
      const lines = String(po.fields['Sync issues'] ?? '').split('\n').filter((l) => l.startsWith('Documents: Contract: '));
      const fixes = listed.get(number);
      if (fixes) expect(lines, number).toEqual(fixes.map((f) => `Documents: Contract: ${f}`));
      else {
        unlisted += 1;
        // The same fields are missing as on a listed copy; only the PO named in a line differs.
        const [someListed, itsFixes] = [...listed].find(([n]) => n.startsWith('PO-9'))!;
        expect(lines.map((l) => l.replaceAll(number, 'PO')), number).toEqual(itsFixes.map((f) => `Documents: Contract: ${f}`.replaceAll(someListed, 'PO')));
      }
    }
    expect(unlisted).toBeGreaterThan(0);
  });
});
