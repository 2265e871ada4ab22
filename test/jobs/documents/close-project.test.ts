import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHistory } from '../../../src/domain/closure/score-history.ts';
import { closeProjects, type CloseProjectDetails } from '../../../src/jobs/close-project.ts';
import type { JobReport } from '../../../src/jobs/report.ts';
import { pdfText } from './pdf-text.ts';
import { startSampleWorkspace, type SampleWorkspace } from './sample-workspace.ts';

const TODAY = '2026-03-02';
const XMAS = ['Tidewater Sourcing', 'Harborline Home', 'Harborline · Glass ornaments', '04 Closure', 'Harborline · Glass ornaments Closure report.pdf'];

describe('closure job on the sample agency', () => {
  let sw: SampleWorkspace;
  let first: JobReport<CloseProjectDetails>;

  beforeAll(async () => {
    sw = await startSampleWorkspace(TODAY);
    first = await closeProjects(sw.deps());
  }, 120_000);
  afterAll(async () => {
    await sw.close();
  });

  it('writes the closure report of the closed project into its "04 Closure" folder', async () => {
    expect(first.ok).toBe(true);
    expect(first.details.reports).toEqual([
      { project: 'Harborline · Glass ornaments', outcome: 'created', closedOn: '2025-11-27', onTime: '27.3% (3 of 11)' },
    ]);
    const text = (await pdfText(join(sw.ws.dir, 'drive', ...XMAS))).replace(/\s+/g, ' ');
    for (const expected of [
      'CLOSURE REPORT',
      'Harborline · Glass ornaments',
      'Ningbo Tidewater Import & Export Co., Ltd.',
      'PLAN VS ACTUAL',
      'PO-2398',
      'Container loading',
      'PO-2399 Cancelled',
      'PSI',
      '0 critical · 6 major · 11 minor defects in 315 units sampled',
      'Gold colourway needed two rounds of colour approval',
      'PSI at 80% packed caught loose caps early enough to rework without delay.',
      'SUPPLIER PERFORMANCE',
      'Factory YW-01',
      'On-time delivery',
      '1 of 1 PO on time',
      'First-pass PSI rate',
      '17 defects in 315 units sampled (5.4 per 100)',
      'communication rated 4 of 5',
    ]) {
      expect(text).toContain(expected);
    }
    // The factory's real name stays with the agency: the PO does not show the supplier to the client.
    expect(text).not.toContain('Jiale');
  });

  it('writes the supplier score and its history line to Suppliers', async () => {
    const jiale = await sw.find('Suppliers', 'Name', 'Yiwu Jiale Crafts Co., Ltd.');
    const project = await sw.find('Projects', 'Project', 'Harborline · Glass ornaments');
    // 30 % on time (100) + 25 % first-pass PSI (100) + 15 % defects (100 − 5.4/15 × 100 = 64.0) + 15 % communication (80) + 15 % compliance (100)
    expect(jiale.fields['Score']).toBe(91.6);
    const history = parseHistory(String(jiale.fields['Score history']));
    expect(history).toEqual({
      ok: true,
      entries: [
        {
          project: project.id,
          name: 'Harborline · Glass ornaments',
          closedOn: '2025-11-27',
          score: 91.6,
          kpis: { onTimeDelivery: 100, firstPassPsi: 100, defectRate: 64, responsiveness: 80, compliance: 100 },
          weights: { onTimeDelivery: 30, firstPassPsi: 25, defectRate: 15, responsiveness: 15, compliance: 15 },
        },
      ],
    });
    const rows = (await sw.records.list('Documents')).filter((d) => d.fields['Kind'] === 'Closure report');
    expect(rows).toHaveLength(1);
    expect(rows[0]?.fields).toMatchObject({ Project: [project.id], Version: 2, 'Drive file ID': expect.any(String) });
  });

  it('a second run writes and uploads nothing', async () => {
    const second = await closeProjects(sw.deps());
    expect(second.details.reports).toEqual([]);
    expect(second.details.rowsWritten).toBe(0);
    expect(Object.keys(second.requests['airtable']?.byOperation ?? {})).toEqual(['list']);
    expect(second.requests['drive']).toBeUndefined();
  });

  it('closes a project on request and keeps each supplier history per project', async () => {
    const run = await closeProjects(sw.deps(), { projects: ['Küchenwerk · FSC bamboo boards'], weights: { onTimeDelivery: 40, firstPassPsi: 30, defectRate: 10, responsiveness: 10, compliance: 10 } });
    expect(run.details.reports.map((r) => r.project)).toEqual(['Küchenwerk · FSC bamboo boards']);
    const zhuyun = await sw.find('Suppliers', 'Name', 'Anji Zhuyun Bamboo Homeware Co., Ltd.');
    // PO-2401 sailed 2 days after its ship-by date and failed its first PSI: 0 and 0; defects 31 in 400 → 48.3.
    // 40 × 0 + 30 × 0 + 10 × 48.3 + 10 × 80 + 10 × 100 = 22.8
    expect(zhuyun.fields['Score']).toBe(22.8);
    expect(run.details.scores).toEqual([
      expect.objectContaining({ supplier: 'Anji Zhuyun Bamboo Homeware Co., Ltd.', periodScore: 22.8, score: 22.8, written: true }),
    ]);
    // The Jiale score of the first project is untouched.
    expect((await sw.find('Suppliers', 'Name', 'Yiwu Jiale Crafts Co., Ltd.')).fields['Score']).toBe(91.6);
    const again = await closeProjects(sw.deps(), { projects: ['Küchenwerk · FSC bamboo boards'], weights: { onTimeDelivery: 40, firstPassPsi: 30, defectRate: 10, responsiveness: 10, compliance: 10 } });
    expect(again.details.reports).toEqual([{ project: 'Küchenwerk · FSC bamboo boards', outcome: 'current', closedOn: expect.any(String), onTime: expect.any(String) }]);
    expect(again.details.rowsWritten).toBe(0);
  });

  it('leaves a supplier whose history cell is broken unscored and says why', async () => {
    const jiale = await sw.find('Suppliers', 'Name', 'Yiwu Jiale Crafts Co., Ltd.');
    await sw.records.update('Suppliers', [{ id: jiale.id, fields: { 'Score history': 'not json' } }]);
    const run = await closeProjects(sw.deps(), { projects: ['Harborline · Glass ornaments'] });
    expect(run.ok).toBe(false);
    expect(run.problems).toContain(`Suppliers Yiwu Jiale Crafts Co., Ltd.: "Score history" line 1 is not JSON; fix or clear it, the score was not updated`);
    const after = await sw.find('Suppliers', 'Name', 'Yiwu Jiale Crafts Co., Ltd.');
    expect(after.fields).toMatchObject({ Score: 91.6, 'Score history': 'not json' });
  });
});
