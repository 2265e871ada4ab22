/** Shipments: bookings, including split and partial ones (which lines go on which booking: Shipment Lines). */
import { CURRENCIES } from './choices.ts';
import { checkbox, date, link, number, requiredText, select, text } from './cells.ts';
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
    packingCharge: 'Packing charge',
    sellingCommission: 'Selling commission',
    buyingCommission: 'Buying commission',
    assistsValue: 'Assists value',
    assistsNote: 'Assists note',
    rebatesValue: 'Rebates / drawbacks',
    rebatesNote: 'Rebates note',
    chargesConfirmed: 'Charges confirmed',
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
    // 19 CFR 141.86(a)(8), (9), (11): each is stated on the invoice from these cells; an empty one reads "none"
    // only once the agent ticks "Charges confirmed" (otherwise the pack asks for it).
    packingCharge: number({ min: 0 }),
    /** Paid by the seller to its agent and billed in the invoice. */
    sellingCommission: number({ min: 0 }),
    /** Paid by the buyer to its buying agent: stated, not added to the invoice total. */
    buyingCommission: number({ min: 0 }),
    /** Dies, moulds, tools, engineering the buyer supplied free or at reduced cost (19 CFR 152.102(a)). */
    assistsValue: number({ min: 0 }),
    assistsNote: text(),
    rebatesValue: number({ min: 0 }),
    rebatesNote: text(),
    chargesConfirmed: checkbox(),
  },
);

export type Shipment = ModelRecord<typeof shipments>;
