/**
 * What the export-document builders need to know about one shipment. Jobs map Airtable records into this shape;
 * every part carries the record it came from so a problem can be reported as `<Table> <recordId>: "<Field>" …`.
 *
 * Amounts are decimal strings or numbers in the invoice currency ("12.5", 0.125); they are parsed exactly, never
 * summed as floats. Dates are ISO calendar dates (YYYY-MM-DD). Countries are ISO 3166 alpha-2 codes or English names.
 */

/** The Airtable record a value came from. */
export interface RecordRef {
  table: string;
  id: string;
  /** The record's primary value (PO number, booking ref, supplier name): messages name records by it. */
  label?: string | undefined;
}

export type Decimalish = number | string;

export type IncotermCode = 'EXW' | 'FCA' | 'CPT' | 'CIP' | 'DAP' | 'DPU' | 'DDP' | 'FAS' | 'FOB' | 'CFR' | 'CIF';
export type ShipmentMode = 'Sea FCL' | 'Sea LCL' | 'Air' | 'Express';
export type BlType = 'Original' | 'Telex release' | 'Sea waybill';
export type FreightTerm = 'Prepaid' | 'Collect';

export interface PartyInput {
  ref: RecordRef;
  /** Legal name in English (Latin script), as registered with customs. "TO ORDER…" for an order consignee. */
  name: string;
  /** Name in Chinese (or another local script), printed under the English name. */
  nameLocal?: string | undefined;
  /** Street address, one element per printed line. */
  address: string[];
  addressLocal?: string | undefined;
  /** ISO alpha-2 code or English name. */
  country?: string | undefined;
  contact?: string | undefined;
  phone?: string | undefined;
  email?: string | undefined;
  /** Registration numbers worth printing: USCI (China), EIN / IOR no. (US), EORI (EU/UK), VAT. */
  taxIds?: Array<{ label: string; value: string }> | undefined;
}

export interface InvoiceInput {
  ref: RecordRef;
  number: string;
  date: string;
  /** 19 CFR 141.86(a)(2): when and where the sale was made. Date defaults to the order date. */
  saleDate?: string | undefined;
  salePlace?: string | undefined;
  /** False for goods shipped without a sale (samples, consignment): 141.86(a)(6) then asks for a value anyway. */
  isSale?: boolean | undefined;
  lcNumber?: string | undefined;
  /** The exporter's employee who knows the transaction and signs (141.86 general requirements). */
  signatoryName: string;
  signatoryTitle: string;
  /** Where the documents are issued, e.g. "Ningbo, China". */
  placeOfIssue: string;
  remarks?: string[] | undefined;
}

export interface OrderInput {
  ref: RecordRef;
  poNumber: string;
  orderDate?: string | undefined;
  incoterm: string;
  namedPlace: string;
  currency: string;
  paymentTerms: string;
}

export interface ChargeInput {
  label: string;
  amount: Decimalish;
}

/** Amounts the invoice itemises besides the goods (141.86(a)(8), (9), (11)). */
export interface ChargesInput {
  ref: RecordRef;
  /** Main (international) carriage. Must be absent/zero under E/F rules and present under C/D rules. */
  freight?: Decimalish | null | undefined;
  /** Cargo insurance premium. Required under CIF/CIP, absent under E/F rules and CFR/CPT. */
  insurance?: Decimalish | null | undefined;
  packing?: Decimalish | null | undefined;
  /** Selling commission billed in the invoice price (141.86(a)(8)). */
  commission?: Decimalish | null | undefined;
  /** Buying commission the buyer pays its own agent: stated on the invoice, not added to its total. */
  buyingCommission?: Decimalish | null | undefined;
  /** Value of the assists (141.86(a)(11)); `assists` is their description. */
  assistsAmount?: Decimalish | null | undefined;
  /** Amount of rebates, drawbacks and bounties (141.86(a)(9)); `rebates` is their description. */
  rebatesAmount?: Decimalish | null | undefined;
  other?: ChargeInput[] | undefined;
  discounts?: ChargeInput[] | undefined;
  /** Rebates, drawbacks and bounties allowed on export; "None" when absent. */
  rebates?: string | undefined;
  /** Assists (moulds, tools, engineering) supplied by the buyer and not in the price; "None" when absent. */
  assists?: string | undefined;
}

export interface LineInput {
  ref: RecordRef;
  sku: string;
  description: string;
  descriptionLocal?: string | undefined;
  hsCode: string;
  countryOfOrigin: string;
  quantity: Decimalish;
  unit: string;
  unitPrice: Decimalish;
  unitsPerCarton: Decimalish;
  cartonLengthCm: Decimalish;
  cartonWidthCm: Decimalish;
  cartonHeightCm: Decimalish;
  netKgPerCarton: Decimalish;
  grossKgPerCarton: Decimalish;
  /** Shipping marks printed on the cartons, one element per line of the mark. */
  marks?: string[] | undefined;
}

export interface ContainerInput {
  number: string;
  sealNumber?: string | undefined;
  /** Size-type, e.g. 20GP, 40HC. */
  type?: string | undefined;
}

export interface ShipmentInput {
  ref: RecordRef;
  mode: string;
  carrier?: string | undefined;
  bookingRef?: string | undefined;
  blNumber?: string | undefined;
  blType?: string | undefined;
  /** Vessel and voyage ("MSC ANNA / 512E") or flight number. */
  vesselVoyage?: string | undefined;
  placeOfReceipt?: string | undefined;
  portOfLoading: string;
  portOfDischarge: string;
  placeOfDelivery?: string | undefined;
  /** Country the goods are finally destined for (CO box 4; decides whether US invoice rules apply). */
  destinationCountry: string;
  /** 19 CFR 141.86(a)(1): required when the destination is the United States. */
  usPortOfEntry?: string | undefined;
  etd?: string | undefined;
  containers?: ContainerInput[] | undefined;
  /** Defaults from the Incoterm (C/D rules prepaid, E/F rules collect) but stays editable. */
  freightTerm?: string | undefined;
  freightPayableAt?: string | undefined;
  numberOfOriginals?: number | undefined;
  /** Package kind printed on every document, plural ("CARTONS"). */
  packageKind?: string | undefined;
  /**
   * Number of this shipment's first carton: 1, or for a later shipment of an order split over several, one more
   * than the cartons shipped before it (air 1–60, then sea 61–600).
   */
  firstCartonNumber?: number | undefined;
}

export interface ShipmentDocumentInput {
  /** The day the pack is generated; also the PDFs' creation date so identical data gives identical bytes. */
  documentDate: string;
  invoice: InvoiceInput;
  order: OrderInput;
  charges: ChargesInput;
  /** Seller and exporter (the shipper on the B/L). */
  exporter: PartyInput;
  /** Buyer / sold-to party (on US entries usually the importer of record). */
  buyer: PartyInput;
  consignee: PartyInput;
  notifyParty?: PartyInput | undefined;
  /** The factory, when it is not the exporter (an agency selling factory goods). */
  manufacturer?: PartyInput | undefined;
  lines: LineInput[];
  shipment: ShipmentInput;
  /** Certificate number when the issuing body has assigned one. */
  certificateNumber?: string | undefined;
}
