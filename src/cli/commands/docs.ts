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

export function formatDocsReport(report: JobReport<BuildDocumentsDetails>): string {
  const d = report.details;
  const lines = [
    `Documents: ${d.packs.length} pack(s), ${d.schedules.length} schedule(s), ${(d.contracts ?? []).length} contract(s); ${d.uploads} uploaded, ${d.current} already current; ` +
      `${d.rowsWritten} Airtable row(s) written, ${d.permissionsGranted} folder permission(s) granted.`,
  ];
  if (d.picked.length > 0) lines.push(`Picked up: ${d.picked.join(', ')}.`);
  const rows = [
    ...d.packs.map((p) => [p.po, p.shipment, Object.entries(p.documents).map(([k, o]) => `${SHORT[k] ?? k} ${o}`).join(', ')]),
    ...d.schedules.map((s) => [s.po, '—', `schedule ${s.outcome}`]),
    ...(d.contracts ?? []).map((c) => [c.po, '—', `contract ${c.outcome}`]),
  ];
  if (rows.length > 0) lines.push('', table(['PO', 'Shipment', 'Documents'], rows));
  if (d.blocked.length > 0) {
    lines.push('', 'No documents (fix these in Airtable; also on the PO\'s "Sync issues"):');
    for (const b of d.blocked) lines.push(`  ${b.po ?? '?'} / ${b.shipment}:`, ...b.fixes.map((f) => `    - ${f}`));
  }
  if ((d.contractsBlocked ?? []).length > 0) {
    lines.push('', 'No contract (complete these in Airtable; also on the PO\'s "Sync issues"):');
    for (const b of d.contractsBlocked) lines.push(`  ${b.po}:`, ...b.fixes.map((f) => `    - ${f}`));
  }
  lines.push(...reportFooter(report));
  return lines.join('\n');
}

/** `sourcing docs [--po PO-2406]`: export packs and production schedules into Drive. */
export function runDocs(config: Config, print: Printer, options: { poNumbers?: string[] } = {}): Promise<number> {
  return runOnBase(config, print, async (runtime, baseId) => printReport(print, await docsWith(runtime, baseId, options), formatDocsReport), 'documents');
}
