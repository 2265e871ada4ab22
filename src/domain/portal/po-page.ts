/** A PO page: the properties of the template and the body sections, for one client's portal. */
import { etaOf, scheduleHealth } from './health.ts';
import { date, relation, richText, select, title } from './page-values.ts';
import {
  documentLinks,
  documentsSection,
  inspectionsSection,
  lastInspectionText,
  milestonesSection,
  summarySection,
  updatesSection,
} from './po-body.ts';
import type { PortalIndex } from './portal-index.ts';
import { PO_PROPS } from './portal-layout.ts';
import type { PortalPo } from './portal-models.ts';
import { withHashes, type PortalPage } from './portal-page.ts';
import { fitText, plain } from './rich-text.ts';
import type { SupplierAsSeen } from '../confidentiality/policy.ts';
import { supplierLabel } from './supplier-alias.ts';

/** Comments are read from POs a client may still discuss. */
const QUIET_STATUSES = new Set(['Closed', 'Cancelled']);

/** `withheldUpdates`: updates that mention what this client may not read (client-visible-updates.ts). */
export function buildPoPage(po: PortalPo, index: PortalIndex, seen: SupplierAsSeen, withheldUpdates: ReadonlySet<string> = new Set()): PortalPage {
  const milestones = index.milestonesByPo.get(po.id) ?? [];
  const inspections = index.inspectionsByPo.get(po.id) ?? [];
  const updates = (index.updatesByPo.get(po.id) ?? []).filter((u) => !withheldUpdates.has(u.id));
  const documents = index.documentsByPo.get(po.id) ?? [];
  const supplier = supplierLabel(seen);
  const eta = etaOf(milestones);
  const lastInspection = lastInspectionText(inspections);
  const health = scheduleHealth(milestones, index.today);

  return {
    kind: 'po',
    airtableId: po.id,
    label: po.poNumber,
    properties: {
      [PO_PROPS.poNumber]: title(fitText(plain(po.poNumber), { maxChars: 2000 })),
      [PO_PROPS.project]: relation([po.project]),
      [PO_PROPS.status]: select(po.status),
      [PO_PROPS.supplier]: richText(fitText(plain(supplier), { maxChars: 2000 })),
      [PO_PROPS.shipBy]: date(po.shipBy),
      [PO_PROPS.eta]: date(eta),
      [PO_PROPS.lastInspection]: richText(plain(lastInspection ?? '')),
      [PO_PROPS.documents]: richText(fitText(documentLinks(documents))),
    },
    seed: po.clientApproval ? { [PO_PROPS.clientApproval]: select(po.clientApproval) } : {},
    sections: withHashes([
      summarySection(po, { supplier, supplierNamed: seen.named, eta, health, lastInspection }),
      milestonesSection(milestones, index.today),
      inspectionsSection(inspections),
      updatesSection(updates),
      documentsSection(documents),
    ]),
    watchComments: !QUIET_STATUSES.has(po.status),
    ...(po.notionPage ? { knownUrl: po.notionPage } : {}),
  };
}
