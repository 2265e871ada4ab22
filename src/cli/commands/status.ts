import type { Config } from '../../config/config.ts';
import { alerts, SEVERITIES } from '../../domain/models/alert.ts';
import { parseRecords } from '../../domain/models/parse-records.ts';
import { PO_STATUSES, purchaseOrders } from '../../domain/models/purchase-order.ts';
import { BaseNotFoundError, resolveBaseId } from '../base-target.ts';
import { EXIT } from '../exit-codes.ts';
import { table, type Printer } from '../output.ts';
import { createRuntime } from '../runtime.ts';

/** `sourcing status`: which mode and base, POs by status and open alerts by severity (3 reads). */
export async function runStatus(config: Config, print: Printer): Promise<number> {
  const runtime = await createRuntime(config);
  try {
    let baseId: string;
    try {
      baseId = await resolveBaseId(runtime);
    } catch (error) {
      if (!(error instanceof BaseNotFoundError)) throw error;
      print.out(print.json ? JSON.stringify({ mode: config.mode, base: null }) : `${config.mode} mode: ${error.message}`);
      return EXIT.problems;
    }
    const records = runtime.airtable.records(baseId);
    const pos = parseRecords(purchaseOrders, await records.list(purchaseOrders.table)).records;
    const open = parseRecords(alerts, await records.list(alerts.table)).records.filter((a) => a.status === 'Open');
    // POs in pipeline order (RFQ … Closed), alerts most severe first: the order people read them in.
    const byStatus = countBy(pos.map((p) => p.status), PO_STATUSES);
    const bySeverity = countBy(open.map((a) => a.severity), [...SEVERITIES].reverse());
    if (print.json) {
      print.out(JSON.stringify({ mode: config.mode, baseId, workspaceUrl: runtime.workspaceUrl, purchaseOrders: byStatus, openAlerts: bySeverity }, null, 2));
    } else {
      const where = runtime.workspace ? ` in ${runtime.workspace.dir}` : runtime.workspaceUrl ? ` on ${runtime.workspaceUrl}` : '';
      print.out(`${config.mode} mode, base ${baseId}${where}\n`);
      print.out(table(['PO status', 'POs'], Object.entries(byStatus)));
      print.out('');
      print.out(table(['Open alerts', 'Count'], Object.entries(bySeverity)));
    }
    return EXIT.ok;
  } finally {
    await runtime.close();
  }
}

/** Counts in the given order (values outside it, and '(none)', after), leaving out zeros. */
function countBy(values: (string | undefined)[], order: readonly string[]): Record<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value ?? '(none)', (counts.get(value ?? '(none)') ?? 0) + 1);
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  return Object.fromEntries([...counts].sort((a, b) => rank(a[0]) - rank(b[0])));
}
