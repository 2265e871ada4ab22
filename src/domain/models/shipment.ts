/** Shipments: bookings, including split and partial ones (which lines go on which booking: Shipment Lines). */
import { CURRENCIES } from './choices.ts';
import { date, link, number, requiredText, select, text } from './cells.ts';
import { defineModel, type ModelRecord } from './parse-records.ts';

export const SHIPMENT_MODES = ['Sea FCL', 'Sea LCL', 'Air', 'Express'] as const;
export type ShipmentMode = (typeof SHIPMENT_MODES)[number];
export const CONTAINER_TYPES = ['20GP', '40GP', '40HC', '45HC'] as const;
export const BL_TYPES = ['Original', 'Telex release', 'Sea waybill'] as const;
/** Defaults from the Incoterm: C- and D-rules prepaid, E- and F-rules collect. */
export const FREIGHT_TERMS = ['Prepaid', 'Collect'] as const;

export const shipments = defineModel(
  'Shipments',
  {
    bookingRef: 'Booking ref',
    client: 'Client',
    mode: 'Mode',
    carrier: 'Carrier',
    forwarder: 'Forwarder',
    vesselVoyageOrFlight: 'Vessel / voyage or flight',
    containerNumber: 'Container number',
    sealNumber: 'Seal number',
    containerType: 'Container type',
    portOfLoading: 'Port of loading',
    portOfDischarge: 'Port of discharge',
    usPortOfEntry: 'US port of entry',
    placeOfDelivery: 'Place of delivery',
    etd: 'ETD',
    eta: 'ETA',
    atd: 'ATD',
    ata: 'ATA',
    blNumber: 'B/L number',
    blType: 'B/L type',
    consignee: 'Consignee',
    notifyParty: 'Notify party',
    freightTerm: 'Freight term',
    invoiceNumber: 'Invoice number',
    invoiceDate: 'Invoice date',
    currency: 'Currency',
    freightCharge: 'Freight charge',
    insuranceCharge: 'Insurance charge',
    otherCharges: 'Other charges',
    syncIssues: 'Sync issues',
  } as const,
  {
    bookingRef: requiredText(),
    /** Buyer / importer; its address is the consignee unless "Consignee" overrides it (e.g. TO ORDER). */
    client: link(),
    mode: select(SHIPMENT_MODES),
    carrier: text(),
    forwarder: text(),
    vesselVoyageOrFlight: text(),
    /** ISO 6346, checked by the documents rules. */
    containerNumber: text(),
    sealNumber: text(),
    containerType: select(CONTAINER_TYPES),
    portOfLoading: text(),
    portOfDischarge: text(),
    /** CBP port of entry of a US-bound shipment, printed on the invoice (19 CFR 141.86(a)(1)). */
    usPortOfEntry: text(),
    placeOfDelivery: text(),
    etd: date(),
    eta: date(),
    atd: date(),
    ata: date(),
    /** Air waybill number for air shipments. */
    blNumber: text(),
    blType: select(BL_TYPES),
    consignee: text(),
    notifyParty: text(),
    freightTerm: select(FREIGHT_TERMS),
    invoiceNumber: text(),
    invoiceDate: date(),
    /** Currency of the invoice and of the charges below. */
    currency: select(CURRENCIES),
    freightCharge: number({ min: 0 }),
    insuranceCharge: number({ min: 0 }),
    otherCharges: number({ min: 0 }),
    syncIssues: text(),
  },
);

export type Shipment = ModelRecord<typeof shipments>;
