/**
 * A local workspace with the sample agency and the supplier portal mounted at /supplier, as `npm start` serves it:
 * the real handler over the official SDK adapters (Airtable, Drive), sharp for the client copies, a fresh link per
 * supplier. Log lines of the handler are collected so tests can check that no link ever reaches one.
 */
import { createAirtableAdapters } from '../../src/adapters/airtable/index.ts';
import { createDriveAdapter } from '../../src/adapters/drive/index.ts';
import { writeClientCopy } from '../../src/adapters/sharp/client-copy.ts';
import { localDateOf } from '../../src/domain/calendar/working-hours.ts';
import { parseRecords } from '../../src/domain/models/parse-records.ts';
import { suppliers } from '../../src/domain/models/supplier.ts';
import { signLink } from '../../src/domain/supplier-portal/portal-link.ts';
import { RequestCounter } from '../../src/lib/request-counter.ts';
import type { AirtableRecordsPort } from '../../src/ports/airtable.ts';
import type { DrivePort } from '../../src/ports/drive.ts';
import { supplierPortalHandler, type SupplierPortalDeps } from '../../src/web/supplier-portal/handler.ts';
import { provisionedWorkspace, type JobWorkspace } from '../jobs/job-workspace.ts';

export const SECRET = 'test-secret-0123456789-abcdefghijklmnopqrstuvwxyz';

export interface PortalKit extends JobWorkspace {
  drive: DrivePort;
  logs: string[];
  today: string;
  /** The signed link of the supplier whose name contains `name`. */
  link(name: string, options?: { expiresAt?: Date; keyVersion?: number }): Promise<string>;
  supplierId(name: string): Promise<string>;
  portalUrl: string;
}

export function shanghaiToday(now = new Date()): string {
  return localDateOf(now, { timeZone: 'Asia/Shanghai' });
}

export async function startPortalKit(overrides: Partial<SupplierPortalDeps> = {}): Promise<PortalKit> {
  const today = shanghaiToday();
  const job = await provisionedWorkspace({ sampleToday: today });
  const counter = new RequestCounter();
  const drive = createDriveAdapter({ auth: { accessToken: job.ws.token }, rootUrl: `${job.ws.url}/`, counter });
  const logs: string[] = [];
  job.ws.mount(
    '/supplier',
    supplierPortalHandler({
      records: createAirtableAdapters({ endpointUrl: job.ws.url, apiKey: job.ws.token, counter, requestsPerSecond: 5000 }).records(job.baseId),
      drive,
      secret: SECRET,
      now: () => new Date(),
      basePath: '/supplier',
      directoryCacheMs: 0,
      clientCopy: async (source, target) => {
        await writeClientCopy(source, target);
        return true;
      },
      log: (line) => logs.push(line),
      ...overrides,
    }),
  );
  const supplierOf = async (records: AirtableRecordsPort, name: string) => {
    const all = parseRecords(suppliers, await records.list(suppliers.table)).records;
    const found = all.find((s) => s.name.toLowerCase().includes(name.toLowerCase()));
    if (!found) throw new Error(`no supplier ${name}`);
    return found;
  };
  return {
    ...job,
    drive,
    logs,
    today,
    portalUrl: `${job.ws.url}/supplier`,
    async supplierId(name) {
      return (await supplierOf(job.records, name)).id;
    },
    async link(name, options = {}) {
      const s = await supplierOf(job.records, name);
      const token = signLink(SECRET, { supplierId: s.id, keyVersion: options.keyVersion ?? s.portalKeyVersion ?? 0 }, options.expiresAt ?? new Date(Date.now() + 86_400_000));
      return `${job.ws.url}/supplier/s/${token}`;
    },
  };
}
