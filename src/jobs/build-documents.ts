/**
 * The documents job: export packs per shipment and production schedules per PO, as PDFs in the project's Drive
 * folder with a Documents row each.
 *
 * Scope: every shipment's pack and every PO's schedule, each compared with its Documents row by the hash of what it
 * is built from (the pack's document contents, which follow from the records alone; the schedule's chart without
 * its "as of" day): only what changed (or never got a file) is rendered, so an interrupted upstream job (a plan
 * killed half-way) is repaired by the next run; the same for the purchase contracts of POs being negotiated or
 * produced. POs whose "Generate documents" box is ticked (picked up, then cleared) or named on the command line get
 * their folders and sharing checked too. A pack that cannot be built produces nothing; its fix list goes to the PO's
 * "Sync issues", the report's `blocked` list and one line of `problems`: a shipment left without documents is a
 * problem to act on, so the run is not ok (`sourcing docs` exits 1, the function answers 207), while the other
 * shipments proceed. Drive or Airtable failures are listed in `failed`. Content is hashed before rendering, so a second run
 * renders, uploads and writes nothing.
 */
import { releaseDocumentFonts } from '../documents/fonts.ts';
import { supplierAsSeenByClient } from '../domain/confidentiality/policy.ts';
import { policyFromPoBase } from '../domain/confidentiality/po-base-policy.ts';
import { DateTime } from 'luxon';
import type { FolderTarget } from '../domain/drive-layout/document-places.ts';
import type { Client } from '../domain/models/client.ts';
import type { Project } from '../domain/models/project.ts';
import type { PurchaseOrder } from '../domain/models/purchase-order.ts';
import { shipmentContexts } from '../domain/shipment-packs/shipment-context.ts';
import type { PoBaseCore } from '../domain/snapshot/po-base.ts';
import type { PageSize } from '../documents/theme.ts';
import type { RequestCounter } from '../lib/request-counter.ts';
import type { AirtableRecordsPort, Fields } from '../ports/airtable.ts';
import type { DrivePort } from '../ports/drive.ts';
import { DocumentsRows } from './documents/documents-rows.ts';
import { DriveFolders, resolveRoot, type FolderAccess } from './documents/drive-folders.ts';
import { needsContract, publishContract } from './documents/contracts.ts';
import { publishPack, type PackPlace } from './documents/export-packs.ts';
import { loadPoBase, loadPoChildren } from './documents/load-po-base.ts';
import { indexPoBase, type PoBaseIndex } from './documents/po-base-index.ts';
import type { PublishContext } from './documents/publish-document.ts';
import { publishSchedule } from './documents/schedules.ts';
import { reconcileAllSharing } from './documents/sharing.ts';
import { HeldSyncIssues } from './documents/sync-issues.ts';
import { PackedGroups } from './snapshot/packed-groups.ts';
import { writeFolderLinks } from './documents/write-back.ts';
import { startReport, type JobReport } from './report.ts';

export interface DocumentsDeps {
  records: AirtableRecordsPort;
  drive: DrivePort;
  counter: RequestCounter;
  now(): Date;
}

export interface BuildDocumentsInput {
  /** DRIVE_ROOT_FOLDER_ID: the agency's root folder; else the Agency row's, else one kept in My Drive. */
  rootFolderId?: string | undefined;
  pageSize?: PageSize;
  /** Treat these POs as ticked (`sourcing docs --po PO-2406`). */
  poNumbers?: readonly string[];
}

export interface BuildDocumentsDetails {
  /** PO numbers picked up from "Generate documents" or the command line. */
  picked: string[];
  packs: { shipment: string; po: string; documents: Record<string, string> }[];
  /** Shipments without documents, with what to fix: the first REPORTED_BLOCKED (all are on their PO's "Sync issues"). */
  blocked: { shipment: string; po?: string | undefined; fixes: string[] }[];
  /** Every shipment without documents, listed above or not. */
  blockedCount: number;
  schedules: { po: string; outcome: string }[];
  /** Purchase contracts drafted (or found current) in "01 Contract". */
  contracts: { po: string; outcome: string }[];
  /** POs whose contract cannot be drafted yet, with the fields to complete: the first REPORTED_BLOCKED. */
  contractsBlocked: { po: string; fixes: string[] }[];
  /** Every PO whose contract cannot be drafted yet, listed above or not. */
  contractsBlockedCount: number;
  uploads: number;
  current: number;
  rowsWritten: number;
  permissionsGranted: number;
  /** What a Drive or Airtable failure stopped this run (the next run builds it): not a record problem. */
  failed: string[];
  /** Grants this job had made that are no longer wanted (an address removed from Portal emails, a new agent). */
  permissionsRevoked: number;
}

/** "Today" where the agency works: a pack generated on a Shanghai morning is dated that day. */
export function agencyToday(now: Date, timeZone: string | undefined): string {
  return DateTime.fromJSDate(now).setZone(timeZone ?? 'UTC').toISODate() ?? now.toISOString().slice(0, 10);
}

/**
 * Blocked packs and contracts the report lists with their fixes; the rest are counted. Each PO's own lines are on
 * its "Sync issues" in any case: at 10,000 POs the full lists were ~220,000 lines held to the end of the run (and
 * sent back whole in the function's answer).
 */
export const REPORTED_BLOCKED = 100;

interface Place {
  project: Project;
  client: Client;
  access: FolderAccess;
  severalPos: boolean;
}

function placeOf(index: PoBaseIndex, po: PurchaseOrder, clientId: string | undefined): Place | string {
  const project = index.projects.get(po.project);
  if (!project) return `Purchase Orders ${po.id}: "Project" points at a project that could not be read (see its "Sync issues")`;
  const client = index.clients.get(clientId ?? project.client ?? '');
  if (!client) return `Projects ${project.id}: "Client" is empty or could not be read; documents go into the client's Drive folder`;
  const agent = project.agent === undefined ? undefined : index.people.get(project.agent);
  return {
    project,
    client,
    access: { clientReaders: client.portalEmails, projectWriters: agent?.email ? [agent.email] : [] },
    severalPos: (index.posPerProject.get(project.id) ?? 0) > 1,
  };
}

function target(place: Place, po: PurchaseOrder, section?: 'exportDocuments' | 'contract'): FolderTarget {
  return {
    client: { id: place.client.id, name: place.client.name },
    project: { id: place.project.id, name: place.project.project },
    section,
    po: section && place.severalPos ? { id: po.id, poNumber: po.poNumber } : undefined,
  };
}

/** The job; the document fonts are let go at its end (see releaseDocumentFonts). */
export async function buildDocuments(deps: DocumentsDeps, input: BuildDocumentsInput = {}): Promise<JobReport<BuildDocumentsDetails>> {
  try {
    return await buildAllDocuments(deps, input);
  } finally {
    releaseDocumentFonts();
  }
}

async function buildAllDocuments(deps: DocumentsDeps, input: BuildDocumentsInput): Promise<JobReport<BuildDocumentsDetails>> {
  const { started, finish } = startReport('documents', deps);
  const syncIssues = new HeldSyncIssues();
  const { base, problems } = await loadPoBase(deps.records, syncIssues);
  const { children, problems: childProblems } = await loadPoChildren(deps.records);
  problems.push(...childProblems);
  const index = indexPoBase(base);
  const agency = base.agency[0];
  const today = agencyToday(started, agency?.timeZone);
  const pageSize = input.pageSize ?? 'A4';
  const author = agency?.legalName ?? agency?.name ?? 'Sourcing agency';
  const rows = new DocumentsRows(base.documents);
  const folders = new DriveFolders(deps.drive, () => resolveRoot(deps.drive, input.rootFolderId, agency));
  const ctx: PublishContext = { drive: deps.drive, folders, rows, generatedAt: started.toISOString(), records: deps.records };
  const requested = new Set(input.poNumbers ?? []);
  // One policy for every document of the run: what each client may read about each factory.
  const policy = policyFromPoBase(base);
  problems.push(...policy.problems);
  const picked = base.purchaseOrders.filter((po) => po.generateDocuments || requested.has(po.poNumber));
  const pickedIds = new Set(picked.map((po) => po.id));
  const details: BuildDocumentsDetails = { picked: picked.map((po) => po.poNumber), packs: [], blocked: [], blockedCount: 0, schedules: [], contracts: [], contractsBlocked: [], contractsBlockedCount: 0, uploads: 0, current: 0, rowsWritten: 0, permissionsGranted: 0, permissionsRevoked: 0, failed: [] };
  for (const number of requested) {
    if (!picked.some((po) => po.poNumber === number)) problems.push(`PO ${number}: no readable purchase order has this number`);
  }

  /** PO ID → fix lines of this run (a PO in here is in scope, even with no fixes: that clears old ones). */
  const poFixes = new Map<string, string[]>(picked.map((po) => [po.id, []]));
  const shipmentFixes = new Map<string, string[]>();
  /**
   * PO ID → what its contract lacks ("Contract: " is put before each line when written), packed: the lines name
   * their PO, so thousands of POs missing the same fields share nothing.
   */
  const contractFixes = new PackedGroups<string>();
  const count = (outcome: string) => {
    if (outcome === 'current') details.current += 1;
    else if (outcome === 'created' || outcome === 'updated') details.uploads += 1;
  };

  // Ticked POs get their folders (and sharing) checked even when every document is current.
  for (const po of picked) {
    const place = placeOf(index, po, undefined);
    if (typeof place === 'string') continue;
    await guard(problems, `${po.poNumber}: Drive folders`, () => folders.resolve(target(place, po, 'exportDocuments'), place.access), details.failed);
  }

  for (const result of shipmentContexts({ ...base, milestones: children.toolingKickoffs })) {
    const shipment = result.ok ? result.context.shipment : result.shipment;
    const po = result.ok ? result.context.po : result.po;
    let fixes: string[] | undefined;
    if (!result.ok) fixes = result.fixes;
    else {
      const place = placeOf(index, result.context.po, result.context.shipment.client);
      if (typeof place === 'string') fixes = [place];
      else {
        const packPlace: PackPlace = {
          target: target(place, result.context.po, 'exportDocuments'),
          access: place.access,
          hidden: supplierAsSeenByClient(policy, place.client.id, result.context.po.supplier).hidden,
        };
        const pack = await guard(problems, `Shipment ${shipment.bookingRef}`, () => publishPack(ctx, { ...result.context, project: place.project, client: place.client }, packPlace, today, pageSize), details.failed);
        if (pack && !pack.ok) fixes = pack.fixes;
        if (pack?.ok) {
          details.packs.push({ shipment: shipment.bookingRef, po: result.context.po.poNumber, documents: { ...pack.documents } });
          Object.values(pack.documents).forEach((o) => count(o ?? ''));
        }
      }
    }
    if (po) poFixes.set(po.id, [...(poFixes.get(po.id) ?? []), ...(fixes ?? []).map((f) => `${shipment.bookingRef}: ${f}`)]);
    if (fixes) {
      // A blocked pack is a problem of the run (exit 1 / HTTP 207): the shipment has no documents until it is fixed.
      details.blockedCount += 1;
      if (details.blocked.length < REPORTED_BLOCKED) details.blocked.push({ shipment: shipment.bookingRef, po: po?.poNumber, fixes });
      problems.push(`${po?.poNumber ?? 'Shipment'} / ${shipment.bookingRef}: no export documents until ${fixes.length} field(s) are fixed (listed under "No documents" and on the PO's "Sync issues")`);
      if (!po) shipmentFixes.set(shipment.id, fixes);
    }
  }

  await draftContracts();

  for (const po of base.purchaseOrders) {
    if (po.status === 'Cancelled' || !children.hasMilestones(po.id)) continue;
    const place = placeOf(index, po, undefined);
    if (typeof place === 'string') {
      problems.push(`Production schedule of ${po.poNumber}: ${place}`);
      continue;
    }
    const outcome = await guard(problems, `Production schedule of ${po.poNumber}`, () =>
      publishSchedule(ctx, {
        po,
        project: place.project,
        client: place.client,
        supplier: index.suppliers.get(po.supplier),
        milestones: children.milestonesOf(po.id),
        inspections: children.inspectionsOf(po.id),
        calendar: base.calendar,
        asOf: today,
        supplierSeen: supplierAsSeenByClient(policy, place.client.id, po.supplier),
      }, { target: target(place, po), access: place.access }, author), details.failed);
    if (outcome) {
      details.schedules.push({ po: po.poNumber, outcome: outcome.drive });
      count(outcome.drive);
    }
  }

  // Sharing follows Portal emails and agents on every run, whether or not a document changed.
  await reconcileAllSharing(base, folders, problems);

  await rows.flush(deps.records);
  details.rowsWritten += rows.written;
  details.rowsWritten += await writePoUpdates(deps.records, base, syncIssues, { poFixes, contractFixes }, pickedIds);
  details.rowsWritten += await writeShipmentIssues(deps.records, base, syncIssues, shipmentFixes);
  const root = folders.links.size > 0 ? await folders.root() : undefined;
  details.rowsWritten += await writeFolderLinks(deps.records, base, { links: folders.links, rootLink: root?.link });
  details.permissionsGranted = folders.granted;
  details.permissionsRevoked = folders.revoked;

  return finish(problems, details);

  /** Contracts of the POs being negotiated or produced, into "01 Contract"; fixes join the PO's "Sync issues". */
  async function draftContracts(): Promise<void> {
    const due = base.purchaseOrders.filter((po) => needsContract(po) &&
      (pickedIds.has(po.id) || !rows.isCurrent({ kind: 'purchase-contract', poId: po.id })));
    if (due.length === 0) return;
    for (const po of due) {
      const place = placeOf(index, po, undefined);
      if (typeof place === 'string') {
        problems.push(`Purchase contract of ${po.poNumber}: ${place}`);
        continue;
      }
      const result = await guard(problems, `Purchase contract of ${po.poNumber}`, () =>
        publishContract(ctx, index, agency, po, policy, { target: target(place, po, 'contract'), access: place.access, clientId: place.client.id, hidden: supplierAsSeenByClient(policy, place.client.id, po.supplier).hidden }, today, pageSize), details.failed);
      if (!result) continue;
      if (!result.ok) {
        details.contractsBlockedCount += 1;
        if (details.contractsBlocked.length < REPORTED_BLOCKED) details.contractsBlocked.push({ po: po.poNumber, fixes: result.fixes });
        problems.push(`${po.poNumber}: no purchase contract until ${result.fixes.length} field(s) are completed (listed under "No contract" and on the PO's "Sync issues")`);
        for (const fix of result.fixes) contractFixes.add(po.id, fix);
        continue;
      }
      details.contracts.push({ po: po.poNumber, outcome: result.outcome.drive });
      count(result.outcome.drive);
    }
    contractFixes.seal();
  }
}

/** Runs one unit of work; a Drive or Airtable failure is reported against it (and listed as failed) and the run goes on. */
async function guard<T>(problems: string[], what: string, work: () => Promise<T>, failed?: string[]): Promise<T | undefined> {
  try {
    return await work();
  } catch (error) {
    problems.push(`${what}: ${error instanceof Error ? error.message : String(error)}`);
    failed?.push(what);
    return undefined;
  }
}

/** POs whose "Sync issues" this run refreshes: pack fixes (by shipment) and contract fixes, per PO ID. */
interface PoFixes {
  /** A PO in here is in scope even with no fixes: that clears its old lines. */
  poFixes: ReadonlyMap<string, readonly string[]>;
  contractFixes: PackedGroups<string>;
}

/** Updates sent per write: at 10,000 POs the whole list of new "Sync issues" texts held at once was ~7 MB. */
const PO_UPDATES_PER_WRITE = 200;

/** Clears "Generate documents" on picked POs and refreshes this job's lines in "Sync issues", in one update per PO. */
async function writePoUpdates(records: AirtableRecordsPort, base: PoBaseCore, syncIssues: HeldSyncIssues, { poFixes, contractFixes }: PoFixes, pickedIds: Set<string>): Promise<number> {
  let written = 0;
  let updates: { id: string; fields: Fields }[] = [];
  const send = async () => {
    if (updates.length > 0) await records.update('Purchase Orders', updates);
    written += updates.length;
    updates = [];
  };
  for (const po of base.purchaseOrders) {
    const fields: Fields = {};
    if (pickedIds.has(po.id) && po.generateDocuments) fields['Generate documents'] = false;
    const packLines = poFixes.get(po.id);
    const contractLines = contractFixes.has(po.id) ? contractFixes.get(po.id) : undefined;
    if (packLines || contractLines) {
      const issues = syncIssues.update(po.id, [...(packLines ?? []), ...(contractLines ?? []).map((f) => `Contract: ${f}`)]);
      if (issues !== undefined) fields['Sync issues'] = issues;
    }
    if (Object.keys(fields).length > 0) updates.push({ id: po.id, fields });
    if (updates.length >= PO_UPDATES_PER_WRITE) await send();
  }
  await send();
  return written;
}

/** A shipment whose PO is unknown keeps its fixes on itself. */
async function writeShipmentIssues(records: AirtableRecordsPort, base: PoBaseCore, syncIssues: HeldSyncIssues, fixes: Map<string, string[]>): Promise<number> {
  const updates = base.shipments
    .filter((s) => fixes.has(s.id))
    .map((s) => ({ id: s.id, issues: syncIssues.update(s.id, fixes.get(s.id) ?? []) }))
    .filter((u): u is { id: string; issues: string } => u.issues !== undefined)
    .map((u) => ({ id: u.id, fields: { 'Sync issues': u.issues } }));
  if (updates.length > 0) await records.update('Shipments', updates);
  return updates.length;
}

