import type { Country } from './countries.ts';
import type { CurrencyInfo } from './currency.ts';
import type { Decimal } from './decimal.ts';
import type { IncotermRule } from './incoterms.ts';
import type { BlType, FreightTerm, RecordRef, ShipmentMode } from './input.ts';

/**
 * The shipment after validation: every value parsed into exact units (money in minor units, weights in grams,
 * carton sizes in hundredths of a cm, volumes in 10⁻¹² m³), so builders only compute and never re-check input.
 */
export interface PreparedParty {
  name: string;
  nameLocal?: string | undefined;
  addressLines: string[];
  addressLocal?: string | undefined;
  country?: Country | undefined;
  /** "Tel: …", "Email: …", "USCI: …" lines. */
  contactLines: string[];
  /** Order consignee ("TO ORDER", "TO ORDER OF <BANK>"): the B/L is negotiable and needs a notify party. */
  isToOrder: boolean;
}

export interface CartonSize {
  /** Hundredths of a centimetre. */
  length: bigint;
  width: bigint;
  height: bigint;
}

export interface PreparedLine {
  ref: RecordRef;
  no: number;
  sku: string;
  description: string;
  descriptionLocal?: string | undefined;
  hsCode: string;
  origin: Country;
  quantity: bigint;
  unit: string;
  unitPrice: Decimal;
  amountMinor: bigint;
  unitsPerCarton: bigint;
  cartons: bigint;
  /** Carton numbers run on across lines: 1–40, 41–65, … */
  cartonFrom: bigint;
  cartonTo: bigint;
  cartonSize: CartonSize;
  /** 10⁻¹² m³ (the cube of 0.01 cm), exact. */
  volumePerCarton: bigint;
  volume: bigint;
  netGramsPerCarton: bigint;
  grossGramsPerCarton: bigint;
  netGrams: bigint;
  grossGrams: bigint;
  marks: string[];
}

export interface QuantityTotal {
  unit: string;
  quantity: bigint;
}

export interface PackageSummary {
  count: bigint;
  /** Plural kind as printed: "CARTONS". */
  kind: string;
  netGrams: bigint;
  grossGrams: bigint;
  volume: bigint;
  quantities: QuantityTotal[];
}

export interface PreparedCharge {
  label: string;
  amountMinor: bigint;
}

export interface PreparedCharges {
  /** null = not part of the invoice price (buyer's account under the Incoterm). */
  freightMinor: bigint | null;
  insuranceMinor: bigint | null;
  packingMinor: bigint | null;
  commissionMinor: bigint | null;
  buyingCommissionMinor: bigint | null;
  assistsMinor: bigint | null;
  rebatesMinor: bigint | null;
  other: PreparedCharge[];
  discounts: PreparedCharge[];
  rebates: string;
  assists: string;
}

export interface PreparedContainer {
  number: string;
  sealNumber?: string | undefined;
  type?: string | undefined;
}

export interface PreparedTransport {
  mode: ShipmentMode;
  carrier?: string | undefined;
  bookingRef?: string | undefined;
  blNumber?: string | undefined;
  blType: BlType;
  vesselVoyage?: string | undefined;
  placeOfReceipt?: string | undefined;
  portOfLoading: string;
  portOfDischarge: string;
  placeOfDelivery?: string | undefined;
  destination: Country;
  usPortOfEntry?: string | undefined;
  etd?: string | undefined;
  containers: PreparedContainer[];
  freightTerm: FreightTerm;
  /** True when the term came from the Incoterm rather than the Shipments record. */
  freightTermFromIncoterm: boolean;
  freightPayableAt: string;
  numberOfOriginals: number;
}

export interface PreparedShipment {
  documentDate: string;
  invoice: {
    number: string;
    date: string;
    saleDate?: string | undefined;
    salePlace?: string | undefined;
    isSale: boolean;
    lcNumber?: string | undefined;
    signatoryName: string;
    signatoryTitle: string;
    placeOfIssue: string;
    remarks: string[];
  };
  order: {
    poNumber: string;
    orderDate?: string | undefined;
    incoterm: IncotermRule;
    namedPlace: string;
    currency: CurrencyInfo;
    paymentTerms: string;
  };
  charges: PreparedCharges;
  exporter: PreparedParty;
  buyer: PreparedParty;
  consignee: PreparedParty;
  notifyParty?: PreparedParty | undefined;
  manufacturer?: PreparedParty | undefined;
  lines: PreparedLine[];
  packages: PackageSummary;
  /** Number of the first carton (1, or where the order's earlier shipments ended). */
  firstCarton: bigint;
  /** Shipping marks of the whole consignment, "N/M" when the cartons carry none. */
  marks: string[];
  transport: PreparedTransport;
  /** Destination is the United States: every 19 CFR 141.86(a) element must be on the invoice. */
  isUsEntry: boolean;
  certificateNumber?: string | undefined;
}
