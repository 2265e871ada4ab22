/**
 * The closure job: for every closed project without a current closure report (or the projects asked for), the
 * closure report PDF in the project's "04 Closure" folder, its Documents row, and each supplier's performance
 * score written back to Suppliers."Score" with the project's line in "Score history". Projects are taken in
 * closing order and each supplier's history carries over from one to the next, so two projects closed in one run
 * both count. A second run finds the reports current and the scores equal, and writes nothing.
 */
import { releaseDocumentFonts } from '../documents/fonts.ts';
import { policyFromPoBase } from '../domain/confidentiality/po-base-policy.ts';
import { buildClosureReport, closingDate } from '../domain/closure/closure-report.ts';
import { DEFAULT_WEIGHTS, type ScoreWeights } from '../domain/closure/score-weights.ts';
import { documentFileName, documentKey } from '../domain/drive-layout/document-places.ts';
import type { Project } from '../domain/models/project.ts';
import type { Supplier } from '../domain/models/supplier.ts';
import { groupBy } from '../domain/snapshot/index-rows.ts';
import type { PoBaseCore } from '../domain/snapshot/po-base.ts';
import { renderClosureReport } from '../documents/closure-report.ts';
import type { PageSize } from '../documents/theme.ts';
import { contentHash } from '../lib/content-hash.ts';
import type { AirtableRecordsPort, Fields } from '../ports/airtable.ts';
import { agencyToday, type DocumentsDeps } from './build-documents.ts';
import { DocumentsRows } from './documents/documents-rows.ts';
import { DriveFolders, resolveRoot } from './documents/drive-folders.ts';
import { loadPoBase, loadPoChildren } from './documents/load-po-base.ts';
import { publishDocument, type PublishContext } from './documents/publish-document.ts';
import { writeFolderLinks } from './documents/write-back.ts';
import { startReport, type JobReport } from './report.ts';

/** Bump when the closure layout changes. */
export const CLOSURE_RENDER_VERSION = 'closure-report/1';

export interface CloseProjectInput {
  rootFolderId?: string | undefined;
  pageSize?: PageSize;
  /** Project names or record IDs to (re)close even if their report is current or their phase is not Closed. */
  projects?: readonly string[];
  weights?: ScoreWeights;
  defectRateAtZero?: number;
}

export interface CloseProjectDetails {
  reports: { project: string; outcome: string; closedOn: string; onTime: string }[];
  scores: { supplierId: string; supplier: string; project: string; periodScore?: number | undefined; score?: number | undefined; written: boolean }[];
  rowsWritten: number;
  permissionsGranted: number;
}

function selectProjects(base: PoBaseCore, rows: DocumentsRows, requested: readonly string[], problems: string[]): Project[] {
  const wanted = new Set(requested.map((r) => r.trim().toLowerCase()));
  const chosen = base.projects.filter((p) => wanted.has(p.id.toLowerCase()) || wanted.has(p.project.toLowerCase()));
  for (const name of requested) {
    if (!chosen.some((p) => p.id.toLowerCase() === name.trim().toLowerCase() || p.project.toLowerCase() === name.trim().toLowerCase())) {
      problems.push(`Project "${name}": no readable project has this name or ID`);
    }
  }
  for (const project of base.projects) {
    if (project.phase === 'Closed' && !chosen.includes(project) && !rows.isCurrent({ kind: 'closure-report', projectId: project.id })) chosen.push(project);
  }
  return chosen;
}

/** The job; the document fonts are let go at its end (see releaseDocumentFonts). */
export async function closeProjects(deps: DocumentsDeps, input: CloseProjectInput = {}): Promise<JobReport<CloseProjectDetails>> {
  try {
    return await closeAllProjects(deps, input);
  } finally {
    releaseDocumentFonts();
  }
}

async function closeAllProjects(deps: DocumentsDeps, input: CloseProjectInput): Promise<JobReport<CloseProjectDetails>> {
  const { started, finish } = startReport('close', deps);
  const { base, problems } = await loadPoBase(deps.records);
  const agency = base.agency[0];
  const today = agencyToday(started, agency?.timeZone);
  const weights = input.weights ?? DEFAULT_WEIGHTS;
  const rows = new DocumentsRows(base.documents);
  const folders = new DriveFolders(deps.drive, () => resolveRoot(deps.drive, input.rootFolderId, agency));
  const ctx: PublishContext = { drive: deps.drive, folders, rows, generatedAt: started.toISOString(), records: deps.records };
  const details: CloseProjectDetails = { reports: [], scores: [], rowsWritten: 0, permissionsGranted: 0 };

  // Suppliers as they stand after each project: histories chain within the run, oldest closure first.
  const suppliers = new Map<string, Supplier>(base.suppliers.map((s) => [s.id, s]));
  const original = new Map(suppliers);
  const posByProject = groupBy(base.purchaseOrders, (po) => po.project);
  const selected = selectProjects(base, rows, input.projects ?? [], problems)
    .map((project) => ({ project, orders: posByProject.get(project.id) ?? [] }));
  // Only the milestones and inspections of the POs being closed are kept (a project's report reads no others).
  const closing = new Set(selected.flatMap((p) => p.orders.map((po) => po.id)));
  const children = selected.length === 0 ? undefined : await loadPoChildren(deps.records, (poId) => closing.has(poId));
  problems.push(...(children?.problems ?? []));
  const childrenOf = (orders: readonly { id: string }[]) => ({
    milestones: orders.flatMap((po) => children?.children.milestonesOf(po.id) ?? []),
    inspections: orders.flatMap((po) => children?.children.inspectionsOf(po.id) ?? []),
  });
  const projects = selected
    .map((p) => ({ ...p, ...childrenOf(p.orders) }))
    .map((p) => ({ ...p, closedOn: closingDate({ project: p.project, orders: p.orders, milestones: p.milestones, today }) }))
    .sort((a, b) => a.closedOn.localeCompare(b.closedOn) || a.project.id.localeCompare(b.project.id));

  const policy = policyFromPoBase(base);
  problems.push(...policy.problems);
  for (const { project, orders, milestones, inspections } of projects) {
    const client = base.clients.find((c) => c.id === project.client);
    const agent = base.people.find((p) => p.id === project.agent);
    const report = buildClosureReport({
      project,
      client,
      agent,
      agency,
      orders,
      suppliers,
      lineItems: base.lineItems,
      milestones,
      inspections,
      evaluations: base.supplierEvaluations,
      weights,
      defectRateAtZero: input.defectRateAtZero,
      today,
      policy,
    });
    for (const score of report.suppliers) {
      if (!score.ok) {
        problems.push(score.problem);
        continue;
      }
      const before = suppliers.get(score.supplierId);
      if (before) suppliers.set(score.supplierId, { ...before, score: score.overall, scoreHistory: score.historyText === '' ? undefined : score.historyText });
      details.scores.push({ supplierId: score.supplierId, supplier: score.name, project: project.project, periodScore: score.periodScore, score: score.overall, written: false });
    }
    if (!client) {
      problems.push(`Projects ${project.id}: "Client" is empty or could not be read; the closure report goes into the client's Drive folder`);
      continue;
    }
    try {
      const outcome = await publishDocument(ctx, {
        slot: { kind: 'closure-report', projectId: project.id },
        fileName: documentFileName('closure-report', { project: project.project }),
        rowName: `Closure report · ${project.project}`,
        key: documentKey('closure-report', project.id),
        contentHash: contentHash({ report, pageSize: input.pageSize ?? 'A4' }, CLOSURE_RENDER_VERSION),
        target: { client: { id: client.id, name: client.name }, project: { id: project.id, name: project.project }, section: 'closure' },
        access: { clientReaders: client.portalEmails, projectWriters: agent?.email ? [agent.email] : [] },
        description: report.headline.map((h) => `${h.label}: ${h.value}`).join(' · '),
        render: () => renderClosureReport(report, { pageSize: input.pageSize }),
      });
      details.reports.push({ project: project.project, outcome: outcome.drive, closedOn: report.closedOn, onTime: report.headline[0]?.value ?? '' });
    } catch (error) {
      problems.push(`Closure report of ${project.project}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  // Scores before the Documents rows: a run cut short in between finds the report not current and redoes both.
  const supplierRows = supplierUpdates(original, suppliers);
  if (supplierRows.length > 0) await deps.records.update('Suppliers', supplierRows);
  for (const s of details.scores) s.written = supplierRows.some((r) => r.id === s.supplierId);
  details.rowsWritten += supplierRows.length;
  await rows.flush(deps.records);
  details.rowsWritten += rows.written;
  const root = folders.links.size > 0 ? await folders.root() : undefined;
  details.rowsWritten += await writeFolderLinks(deps.records, base, { links: folders.links, rootLink: root?.link });
  details.permissionsGranted = folders.granted;

  return finish(problems, details);
}

/** Score and history cells that changed during the run (nothing when every supplier is where it was). */
function supplierUpdates(before: ReadonlyMap<string, Supplier>, after: ReadonlyMap<string, Supplier>): { id: string; fields: Fields }[] {
  const updates: { id: string; fields: Fields }[] = [];
  for (const [id, now] of after) {
    const was = before.get(id);
    if (!was) continue;
    const fields: Fields = {};
    if (now.score !== was.score) fields['Score'] = now.score ?? null;
    if ((now.scoreHistory ?? '') !== (was.scoreHistory ?? '')) fields['Score history'] = now.scoreHistory ?? '';
    if (Object.keys(fields).length > 0) updates.push({ id, fields });
  }
  return updates;
}
