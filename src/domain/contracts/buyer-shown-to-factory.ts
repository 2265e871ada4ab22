/**
 * Who the factory reads as the buyer on its purchase contract. By default the agency buys in its own name and the
 * end client stays unnamed; the client's name (and address) appear only when the confidentiality policy
 * (src/domain/confidentiality/policy.ts, one Disclosures row per client × supplier) lets this supplier see them.
 * One function, so the contract asks the same policy every other outsider-facing output asks.
 */
import { clientAsSeenBySupplier, type ConfidentialityPolicy } from '../confidentiality/policy.ts';
import type { AgencyRecord } from '../models/agency.ts';
import type { Client } from '../models/client.ts';

export interface BuyerAsShown {
  /** The contracting buyer: always the agency (it places and pays the order). */
  agencyName: string;
  /** The end client, when the factory may know it ("for the account of …"); undefined by default. */
  endClient?: { name: string; address?: string | undefined } | undefined;
  /** Client texts that must not appear anywhere in the contract. */
  hidden: string[];
}

export function buyerShownToFactory(policy: ConfidentialityPolicy, supplierId: string, client: Client | undefined, agency: AgencyRecord): BuyerAsShown {
  const agencyName = agency.legalName ?? agency.name;
  const seen = clientAsSeenBySupplier(
    policy,
    supplierId,
    client ? { id: client.id, name: client.name, legalName: client.legalName, address: client.address } : undefined,
    agencyName,
  );
  return {
    agencyName,
    endClient: seen.named ? { name: seen.label, address: seen.address } : undefined,
    hidden: seen.hidden,
  };
}
