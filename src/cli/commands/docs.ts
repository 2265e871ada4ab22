import type { Config } from '../../config/config.ts';
import { buildDocuments, type BuildDocumentsDetails } from '../../jobs/build-documents.ts';
import type { JobReport } from '../../jobs/report.ts';
import { runOnBase } from '../base-target.ts';
import { printReport, reportFooter, table, type Printer } from '../output.ts';
import type { Runtime } from '../runtime.ts';

/** The documents job through an existing runtime (also used by `start` and the schedule). */
export async function docsWith(runtime: Runtime, baseId: string, options: { poNumbers?: string[] } = {}): Promise<JobReport<BuildDocumentsDetails>> {
  return buildDocuments(
    { records: runtime.airtable.records(baseId), drive: runtime.drive, counter: runtime.counter, now: runtime.now },
    { rootFolderId: runtime.config.drive.rootFolderId, pageSize: runtime.config.drive.pageSize, poNumbers: options.poNumbers },
  );
}

const SHORT: Record<string, string> = {
  'commercial-invoice': 'invoice',
  'packing-list': 'packing list',
  'certificate-of-origin': 'CO',
  'bill-of-lading-draft': 'B/L draft',
  'air-waybill-draft': 'AWB draft',
};

/** Changed documents listed in the report; the rest are counted. */
const MAX_ROWS = 40;
const changed = (outcome: string | undefined) => outcome !== undefined && outcome !== 'current';

export function formatDocsReport(report: JobReport<BuildDocumentsDetails>): string {
  const d = report.details;
  const lines = [
    `Documents: ${d.packs.length} pack(s), ${d.schedules.length} schedule(s), ${(d.contracts ?? []).length} contract(s); ${d.uploads} uploaded, ${d.current} already current; ` +
      `${d.rowsWritten} Airtable row(s) written, ${d.permissionsGranted} folder permission(s) granted.`,
  ];
  if (d.picked.length > 0) lines.push(`Picked up: ${d.picked.join(', ')}.`);
  // What changed, not every document checked: a base of thousands of POs has thousands of current ones.
  const rows = [
    ...d.packs.filter((p) => Object.values(p.documents).some(changed)).map((p) => [p.po, p.shipment, Object.entries(p.documents).map(([k, o]) => `${SHORT[k] ?? k} ${o}`).join(', ')]),
    ...d.schedules.filter((s) => changed(s.outcome)).map((s) => [s.po, '—', `schedule ${s.outcome}`]),
    ...(d.contracts ?? []).filter((c) => changed(c.outcome)).map((c) => [c.po, '—', `contract ${c.outcome}`]),
  ];
  if (rows.length > 0) lines.push('', table(['PO', 'Shipment', 'Documents'], rows.slice(0, MAX_ROWS)));
  if (rows.length > MAX_ROWS) lines.push(`… and ${rows.length - MAX_ROWS} more (each PO's files are listed in the Documents table).`);
  if (d.blocked.length > 0) {
    lines.push('', 'No documents (fix these in Airtable; also on the PO\'s "Sync issues"):');
    for (const b of d.blocked.slice(0, MAX_ROWS)) lines.push(`  ${b.po ?? '?'} / ${b.shipment}:`, ...b.fixes.map((f) => `    - ${f}`));
    const more = d.blockedCount - Math.min(d.blocked.length, MAX_ROWS);
    if (more > 0) lines.push(`  … and ${more} more shipments (each listed on its PO's "Sync issues").`);
  }
  if (d.contractsBlocked.length > 0) {
    lines.push('', 'No contract (complete these in Airtable; also on the PO\'s "Sync issues"):');
    for (const b of d.contractsBlocked.slice(0, MAX_ROWS)) lines.push(`  ${b.po}:`, ...b.fixes.map((f) => `    - ${f}`));
    const more = d.contractsBlockedCount - Math.min(d.contractsBlocked.length, MAX_ROWS);
    if (more > 0) lines.push(`  … and ${more} more POs (each listed on its "Sync issues").`);
  }
  lines.push(...reportFooter(report));
  return lines.join('\n');
}

/** `sourcing docs [--po PO-2406]`: export packs and production schedules into Drive. */
export function runDocs(config: Config, print: Printer, options: { poNumbers?: string[] } = {}): Promise<number> {
  return runOnBase(config, print, async (runtime, baseId) => printReport(print, await docsWith(runtime, baseId, options), formatDocsReport), 'documents');
}
