/**
 * Purchase contracts: one bilingual PDF per PO from "Negotiating" until it is delivered, in the project's
 * "01 Contract" folder (a sub-folder per PO when the project has several), versioned in the Documents table like
 * every other document. A PO that lacks what a contract needs gets the fields to complete instead.
 */
import { leaksIn } from '../../domain/confidentiality/policy.ts';
import { textsOf } from './export-packs.ts';
import type { ConfidentialityPolicy } from '../../domain/confidentiality/policy.ts';
import { buyerShownToFactory } from '../../domain/contracts/buyer-shown-to-factory.ts';
import { buildPurchaseContract } from '../../domain/contracts/purchase-contract.ts';
import { documentFileName, documentKey } from '../../domain/drive-layout/document-places.ts';
import { PO_STATUSES, type PurchaseOrder } from '../../domain/models/purchase-order.ts';
import type { AgencyRecord } from '../../domain/models/agency.ts';
import { renderPurchaseContract } from '../../documents/purchase-contract.ts';
import type { PageSize } from '../../documents/theme.ts';
import { contentHash } from '../../lib/content-hash.ts';
import type { PackPlace } from './export-packs.ts';
import type { PoBaseIndex } from './po-base-index.ts';
import { publishDocument, type PublishContext, type PublishOutcome } from './publish-document.ts';

/** Bump when the contract's layout or fixed wording changes. */
export const CONTRACT_RENDER_VERSION = 'purchase-contract/2';

const FIRST = PO_STATUSES.indexOf('Negotiating');
const LAST = PO_STATUSES.indexOf('Delivered');

/** Contracts are drafted while the order is negotiated and kept current until the goods are delivered. */
export function needsContract(po: PurchaseOrder): boolean {
  const at = PO_STATUSES.indexOf(po.status);
  return at >= FIRST && at <= LAST;
}

export type ContractOutcome = { ok: true; outcome: PublishOutcome } | { ok: false; fixes: string[] };

export async function publishContract(
  ctx: PublishContext,
  index: PoBaseIndex,
  agency: AgencyRecord | undefined,
  po: PurchaseOrder,
  policy: ConfidentialityPolicy,
  place: PackPlace & { clientId: string },
  today: string,
  pageSize: PageSize,
): Promise<ContractOutcome> {
  const project = index.projects.get(po.project);
  const supplier = index.suppliers.get(po.supplier);
  const client = index.clients.get(place.clientId);
  const built = buildPurchaseContract({
    po,
    project,
    supplier,
    agency,
    lineItems: index.lineItemsByPo.get(po.id) ?? [],
    buyer: agency ? buyerShownToFactory(policy, po.supplier, client, agency) : undefined,
    today,
  });
  if (!built.ok) return built;
  const content = built.content;
  // The contract names the factory (the seller): when the policy hides it from this client, the contract is filed
  // in the agency-only tree, as the export documents that name it are.
  const agencyOnly = leaksIn(textsOf(content).join('\n'), place.hidden ?? []).length > 0;
  const outcome = await publishDocument(ctx, {
    slot: { kind: 'purchase-contract', projectId: project?.id, poId: po.id },
    fileName: documentFileName('purchase-contract', { poNumber: po.poNumber }),
    rowName: `Purchase contract ${po.poNumber}`,
    key: documentKey('purchase-contract', po.id),
    contentHash: contentHash({ content, pageSize, agencyOnly }, CONTRACT_RENDER_VERSION),
    target: { ...place.target, agencyOnly },
    access: place.access,
    agencyOnly,
    description: `Purchase contract of ${po.poNumber} (English / 简体中文)`,
    render: () => renderPurchaseContract(content, pageSize),
  });
  return { ok: true, outcome };
}
