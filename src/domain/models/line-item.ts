/** Line Items: what a PO orders, with the carton data the packing list and customs documents need. */
import { checkbox, hsCode, number, requiredLink, requiredText, select, text } from './cells.ts';
import { defineModel, type ModelRecord } from './parse-records.ts';

export const UNITS = ['pcs', 'sets', 'pairs', 'dozens'] as const;
export type Unit = (typeof UNITS)[number];

export const lineItems = defineModel(
  'Line Items',
  {
    sku: 'SKU',
    po: 'PO',
    description: 'Description',
    descriptionZh: 'Description (中文)',
    hsCode: 'HS code',
    countryOfOrigin: 'Country of origin',
    quantity: 'Quantity',
    unit: 'Unit',
    unitPrice: 'Unit price',
    unitsPerCarton: 'Units per carton',
    cartonLengthCm: 'Carton length cm',
    cartonWidthCm: 'Carton width cm',
    cartonHeightCm: 'Carton height cm',
    netKgPerCarton: 'Net kg per carton',
    grossKgPerCarton: 'Gross kg per carton',
    marks: 'Marks',
    syncIssues: 'Sync issues',
    newSku: 'New SKU',
  } as const,
  {
    sku: requiredText(),
    po: requiredLink(),
    description: text(),
    descriptionZh: text(),
    /** Digits only (dots removed); the first 6 are the international HS root. */
    hsCode: hsCode(),
    countryOfOrigin: text(),
    quantity: number({ integer: true, min: 0 }),
    unit: select(UNITS),
    /** In the PO's currency. */
    unitPrice: number({ min: 0 }),
    unitsPerCarton: number({ integer: true, min: 1 }),
    cartonLengthCm: number({ min: 0 }),
    cartonWidthCm: number({ min: 0 }),
    cartonHeightCm: number({ min: 0 }),
    netKgPerCarton: number({ min: 0 }),
    grossKgPerCarton: number({ min: 0 }),
    marks: text(),
    syncIssues: text(),
    /** A product the factory has not made before: the plan adds tooling. */
    newSku: checkbox(),
  },
);

export type LineItem = ModelRecord<typeof lineItems>;
