/** The confidentiality policy built from the PO base as the documents and closure jobs read it. */
import type { Client } from '../models/client.ts';
import type { Disclosure } from '../models/disclosure.ts';
import type { Project } from '../models/project.ts';
import type { PurchaseOrder } from '../models/purchase-order.ts';
import type { Supplier } from '../models/supplier.ts';
import { buildConfidentialityPolicy, type ClientIdentity, type ConfidentialityPolicy, type SupplierIdentity } from './policy.ts';

export interface PolicySource {
  disclosures: readonly Disclosure[];
  suppliers: readonly Supplier[];
  projects: readonly Project[];
  purchaseOrders: readonly PurchaseOrder[];
}

/** The supplier fields the policy reads; the portal's narrower supplier rows carry exactly these. */
export type SupplierIdentitySource = Pick<
  Supplier,
  'id' | 'name' | 'nameZh' | 'clientAlias' | 'cityCluster' | 'address' | 'addressZh' | 'contact' | 'email' | 'phone' | 'weChat' | 'taxId' | 'createdTime'
>;

export function supplierIdentity(s: SupplierIdentitySource): SupplierIdentity {
  return {
    id: s.id,
    name: s.name,
    nameLocal: s.nameZh,
    clientAlias: s.clientAlias,
    city: s.cityCluster,
    address: s.address,
    addressLocal: s.addressZh,
    contact: s.contact,
    email: s.email,
    phone: s.phone,
    weChat: s.weChat,
    taxId: s.taxId,
    createdTime: s.createdTime,
  };
}

export function clientIdentity(c: Client): ClientIdentity {
  return { id: c.id, name: c.name, legalName: c.legalName, address: c.address, contactName: c.contactName, contactEmails: c.contactEmails };
}

export function policyFromPoBase(base: PolicySource): ConfidentialityPolicy {
  const clientOfProject = new Map(base.projects.map((p) => [p.id, p.client]));
  const suppliersOfClient = new Map<string, string[]>();
  for (const po of base.purchaseOrders) {
    const clientId = clientOfProject.get(po.project);
    if (clientId) suppliersOfClient.set(clientId, [...(suppliersOfClient.get(clientId) ?? []), po.supplier]);
  }
  return buildConfidentialityPolicy({
    disclosures: base.disclosures.map((d) => ({ ...d, label: d.disclosure })),
    suppliers: base.suppliers.map(supplierIdentity),
    suppliersOfClient,
  });
}
