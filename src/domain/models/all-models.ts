/** Every table's model, in template order, for code that works on all tables (validation reports, tests). */
import { agency } from './agency.ts';
import { alerts } from './alert.ts';
import { calendar } from './calendar-entry.ts';
import { chatChannels } from './chat-channel.ts';
import { clientComments } from './client-comment.ts';
import { clients } from './client.ts';
import { disclosures } from './disclosure.ts';
import { documents } from './document.ts';
import { inspections } from './inspection.ts';
import { lineItems } from './line-item.ts';
import { milestones } from './milestone.ts';
import { outbox } from './outbox.ts';
import { people } from './person.ts';
import { projects } from './project.ts';
import { purchaseOrders } from './purchase-order.ts';
import { reviews } from './review.ts';
import { shipmentLines } from './shipment-line.ts';
import { shipments } from './shipment.ts';
import { supplierEvaluations } from './supplier-evaluation.ts';
import { updates } from './update.ts';
import { suppliers } from './supplier.ts';

export const ALL_MODELS = [
  people,
  clients,
  projects,
  suppliers,
  supplierEvaluations,
  purchaseOrders,
  lineItems,
  milestones,
  inspections,
  shipments,
  shipmentLines,
  documents,
  updates,
  clientComments,
  calendar,
  alerts,
  agency,
  outbox,
  chatChannels,
  reviews,
  disclosures,
] as const;

export type AnyModel = (typeof ALL_MODELS)[number];

/** The model of a table by its Airtable name, or undefined. */
export function modelOf(table: string): AnyModel | undefined {
  return ALL_MODELS.find((m) => m.table === table);
}
