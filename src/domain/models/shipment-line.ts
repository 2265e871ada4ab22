/** Shipment Lines: how many units (and cartons) of which line item travel on which shipment. */
import { number, requiredLink, requiredNumber, requiredText, text } from './cells.ts';
import { defineModel, type ModelRecord } from './parse-records.ts';

export const shipmentLines = defineModel(
  'Shipment Lines',
  {
    line: 'Line',
    shipment: 'Shipment',
    lineItem: 'Line item',
    quantity: 'Quantity',
    cartons: 'Cartons',
    syncIssues: 'Sync issues',
  } as const,
  {
    line: requiredText(),
    shipment: requiredLink(),
    lineItem: requiredLink(),
    quantity: requiredNumber({ integer: true, min: 0 }),
    cartons: number({ integer: true, min: 0 }),
    syncIssues: text(),
  },
);

export type ShipmentLine = ModelRecord<typeof shipmentLines>;
