/**
 * The sync reads the base once but builds one client's portal at a time from rows packed per client
 * (read-base.ts). Over a generated agency (the checks benchmark's, small), through the cycle's CachedRecords (no
 * request may be made): every portal's pages, their problems and the plan's holds are exactly those built from the
 * whole base parsed at once; and the writeback, comparing only the fields it keeps, writes exactly what it writes
 * when it compares whole rows.
 */
import { describe, expect, it } from 'vitest';
import { generateRawTables, BENCH_TODAY } from '../../../scripts/bench/checks-data.ts';
import { clientComments } from '../../../src/domain/models/client-comment.ts';
import { parseRecords, type TableModel } from '../../../src/domain/models/parse-records.ts';
import {
  portalAlerts, portalClients, portalDisclosures, portalDocuments, portalInspections, portalMilestones, portalPeople,
  portalProjects, portalPurchaseOrders, portalSuppliers, portalUpdates, type PortalData,
} from '../../../src/domain/portal/portal-models.ts';
import { planPortals, type PlanProblem } from '../../../src/domain/portal/portal-plan.ts';
import { readPortalBase } from '../../../src/jobs/portal-sync/read-base.ts';
import { airtableUpdates, withSyncIssuesReadAgain } from '../../../src/jobs/portal-sync/writeback.ts';
import { CachedRecords } from '../../../src/jobs/snapshot/cached-records.ts';
import type { AirtableRecord, AirtableRecordsPort } from '../../../src/ports/airtable.ts';

const MODELS = {
  clients: portalClients, people: portalPeople, projects: portalProjects, suppliers: portalSuppliers, purchaseOrders: portalPurchaseOrders,
  milestones: portalMilestones, inspections: portalInspections, updates: portalUpdates, documents: portalDocuments, alerts: portalAlerts,
  disclosures: portalDisclosures,
} satisfies Record<keyof PortalData, TableModel>;

const noRequests = new Proxy({ baseId: 'appBENCHxxxxxxxxxx' } as AirtableRecordsPort, {
  get(target, key) {
    if (key === 'baseId') return target.baseId;
    if (key === 'listPages' || key === 'then') return undefined;
    return () => {
      throw new Error(`no request expected (${String(key)})`);
    };
  },
});

function agency(): Map<string, AirtableRecord[]> {
  const raw = generateRawTables({ pos: 90, posPerProject: 5, suppliers: 12, clients: 5, people: 8 });
  const tables = new Map<string, AirtableRecord[]>();
  for (const [key, model] of Object.entries(MODELS)) tables.set(model.table, (raw as unknown as Record<string, AirtableRecord[] | undefined>)[key] ?? []);
  tables.set(clientComments.table, []);
  // Other jobs' lines and old sync lines on some rows, and a milestone the sync cannot read.
  const milestones = tables.get(portalMilestones.table) ?? [];
  milestones.forEach((m, i) => {
    if (i % 7 === 0) m.fields['Sync issues'] = 'Portal sync: an old problem';
    if (i % 11 === 0) m.fields['Sync issues'] = 'Checks: ETA missing';
  });
  const broken = milestones[3];
  if (broken) broken.fields['Planned date'] = 'next Tuesday';
  return tables;
}

describe('the portal sync read, per client', () => {
  it('builds every portal exactly as from the whole base, without a request', async () => {
    const tables = agency();
    const snapshot = await readPortalBase(new CachedRecords(noRequests, tables));
    const whole = Object.fromEntries(Object.entries(MODELS).map(([key, model]) => [key, parseRecords(model, tables.get(model.table) ?? []).records])) as unknown as PortalData;

    const perClient = planPortals({ data: snapshot.data, today: BENCH_TODAY, malformed: snapshot.malformed, childrenOf: snapshot.childrenOf });
    const atOnce = planPortals({ data: whole, today: BENCH_TODAY, malformed: snapshot.malformed });
    expect(perClient.problems).toEqual(atOnce.problems);
    expect([...perClient.held]).toEqual([...atOnce.held]);
    expect(perClient.portals.map((p) => p.title)).toEqual(atOnce.portals.map((p) => p.title));
    let poPages = 0;
    let milestoneRows = 0;
    perClient.portals.forEach((portal, i) => {
      const built = portal.pages();
      expect(built).toEqual(atOnce.portals[i]?.pages());
      poPages += built.purchaseOrders.length;
      milestoneRows += snapshot.childrenOf(portal.client.id).milestones.length;
    });
    expect(poPages).toBeGreaterThan(50);
    expect(milestoneRows).toBeGreaterThan(poPages * 10);
    expect(snapshot.problems.map((p) => p.table)).toContain(portalMilestones.table);
  });

  it('writes back exactly what a comparison of whole rows writes', async () => {
    const tables = agency();
    const snapshot = await readPortalBase(new CachedRecords(noRequests, tables));
    const milestones = tables.get(portalMilestones.table) ?? [];
    // Problems on rows with and without Sync issues, and one on a project.
    const problems: PlanProblem[] = [1, 2, 7, 22, 33].flatMap((i) => {
      const m = milestones[i];
      return m ? [{ table: portalMilestones.table, recordId: m.id, label: '', message: `problem ${i}` }] : [];
    });
    const project = tables.get(portalProjects.table)?.[0];
    if (project) problems.push({ table: portalProjects.table, recordId: project.id, label: '', message: 'has no Client' });
    const input = { problems: [...snapshot.problems, ...problems], pages: new Map(), portals: new Map(), approvals: new Map() };
    const wholeRaw = new Map([...tables].filter(([table]) => snapshot.raw.has(table)).map(([table, rows]) => {
      const model = Object.values(MODELS).find((m) => m.table === table);
      const names: string[] = Object.values(model?.fields ?? {});
      return [table, rows.map((r) => ({ ...r, fields: Object.fromEntries(Object.entries(r.fields).filter(([name]) => names.includes(name))) }))];
    }));
    const sorted = (updates: ReturnType<typeof airtableUpdates>) =>
      [...updates.updates].map(([table, rows]) => [table, [...rows].sort((a, b) => a.id.localeCompare(b.id))] as const).sort(([a], [b]) => a.localeCompare(b));

    const kept = airtableUpdates({ ...input, raw: snapshot.raw });
    // Cells kept only as "other jobs' lines" that now get a line of the sync are read again (from the cycle's read).
    expect(kept.readAgain.get(portalMilestones.table)?.length).toBeGreaterThan(0);
    await withSyncIssuesReadAgain(new CachedRecords(noRequests, tables), kept);
    const whole = airtableUpdates({ ...input, raw: wholeRaw });
    expect(whole.readAgain.size).toBe(0);
    expect(sorted(kept)).toEqual(sorted(whole));
    expect(kept.updates.get(portalMilestones.table)?.length).toBeGreaterThan(5);
    // Only rows that carry Sync issues are kept from a table without pages.
    expect(snapshot.raw.get(portalMilestones.table)?.length).toBeLessThan(milestones.length / 3);
  });
});
