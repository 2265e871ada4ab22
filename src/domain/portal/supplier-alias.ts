/**
 * What a client reads as a PO's supplier, decided by the confidentiality policy (Disclosures, once per client and
 * supplier): the factory's name only where the policy allows it, otherwise its "Client alias" (e.g. "Factory
 * NB-01"), failing that "Supplier A", "Supplier B"… lettered per client in the order the suppliers were added.
 */
import { buildConfidentialityPolicy, supplierAsSeenByClient, type ConfidentialityPolicy, type SupplierAsSeen } from '../confidentiality/policy.ts';
import { supplierIdentity } from '../confidentiality/po-base-policy.ts';
import type { PortalData, PortalPo } from './portal-models.ts';

export { letters } from '../confidentiality/policy.ts';

/** The policy over the portal data; `posOfClient` numbers the letter aliases per client. */
export function portalPolicy(data: PortalData, posOfClient: ReadonlyMap<string, readonly PortalPo[]>): ConfidentialityPolicy {
  return buildConfidentialityPolicy({
    disclosures: data.disclosures.map((d) => ({ ...d, label: d.disclosure })),
    suppliers: data.suppliers.map(supplierIdentity),
    suppliersOfClient: new Map([...posOfClient].map(([clientId, pos]) => [clientId, pos.map((po) => po.supplier)])),
  });
}

/** The PO's supplier as this client may read it: "Factory NB-01", "Factory FS-01 · Foshan (Shunde)", or the name. */
export function supplierLabel(seen: SupplierAsSeen): string {
  return seen.city && !seen.named ? `${seen.label} · ${seen.city}` : seen.label;
}

/** A "Show supplier to client" box the policy does not back: said on the PO, so nobody thinks it still decides. */
export function unbackedShowSupplier(po: PortalPo, seen: SupplierAsSeen, clientName: string): string | undefined {
  if (!po.showSupplierToClient || seen.named) return undefined;
  return `"Show supplier to client" is ticked, but the Disclosures table does not let ${clientName} see this factory's name, so the portal shows "${seen.label}"; add a Disclosures row (Client may see: Name) or untick the box`;
}

export { supplierAsSeenByClient };
