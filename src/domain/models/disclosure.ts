/**
 * Disclosures: the confidentiality policy, one row per client × supplier (src/domain/confidentiality/policy.ts).
 * Without a row a client sees the factory's alias only, and the factory sees the agency only.
 */
import { CLIENT_FACTS, SUPPLIER_FACTS } from '../confidentiality/policy.ts';
import { link, multiSelect, requiredText, text } from './cells.ts';
import { defineModel, type ModelRecord } from './parse-records.ts';

export const disclosures = defineModel(
  'Disclosures',
  {
    disclosure: 'Disclosure',
    client: 'Client',
    supplier: 'Supplier',
    clientMaySee: 'Client may see',
    supplierMaySee: 'Supplier may see',
    notes: 'Notes',
    syncIssues: 'Sync issues',
  } as const,
  {
    /** A label for the grid, e.g. "Küchenwerk × Anji Zhuyun". */
    disclosure: requiredText(),
    client: link(),
    supplier: link(),
    /** What the client may learn about the factory. */
    clientMaySee: multiSelect(SUPPLIER_FACTS),
    /** What the factory may learn about the client. */
    supplierMaySee: multiSelect(CLIENT_FACTS),
    notes: text(),
    syncIssues: text(),
  },
);

export type Disclosure = ModelRecord<typeof disclosures>;
