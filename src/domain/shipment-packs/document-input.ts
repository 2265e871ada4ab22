/**
 * Maps one shipment's records to the input of the export-document builders. Values the builders check (amounts,
 * weights, ports, container numbers) pass through untouched so their fixes name the right record; what only this
 * mapping knows (who exports, where the signatory comes from, which quantities ship) is checked here, naming the
 * Airtable table, record and field to correct. Nothing is guessed: a missing value is a fix, never a default.
 */
import { FixList } from '../documents/fixes.ts';
import type { ContainerInput, LineInput, PartyInput, ShipmentDocumentInput } from '../documents/input.ts';
import { agencyParty, clientParty, lines, signatoryFromContact, supplierParty, textParty } from './parties.ts';
import { orderedVsShipped } from './ordered-vs-shipped.ts';
import { chargesOf } from './shipment-charges.ts';
import type { ShipmentContext, ShippedLine } from './shipment-context.ts';

export type DocumentInputResult = { ok: true; input: ShipmentDocumentInput } | { ok: false; fixes: string[] };

const ref = (table: string, id: string, label?: string) => ({ table, id, label });

interface Exporter {
  party: PartyInput;
  manufacturer?: PartyInput;
  signatory?: { name: string; title: string };
  place?: string;
}

function exporterOf(ctx: ShipmentContext, fixes: FixList): Exporter | undefined {
  const { po, supplier, agency } = ctx;
  if (!supplier) {
    fixes.add(ref('Purchase Orders', po.id, po.poNumber), 'Supplier', 'points at a supplier that could not be read (see its "Sync issues")');
    return undefined;
  }
  if (po.exporter === undefined) {
    fixes.add(ref('Purchase Orders', po.id, po.poNumber), 'Exporter', 'is empty: choose Agency (our trading company sells) or Supplier (the factory exports itself)');
    return undefined;
  }
  if (po.exporter === 'Agency') {
    if (!agency) {
      fixes.add(ref('Agency', '(none)'), 'Name', 'no readable Agency row: the exporter\'s name and address come from it');
      return undefined;
    }
    if (!agency.city) fixes.add(ref('Agency', agency.id, agency.name), 'City', 'is missing: it is the place of issue and of sale on the documents');
    const signatory = agency.signatory && agency.signatoryTitle ? { name: agency.signatory, title: agency.signatoryTitle } : undefined;
    if (!signatory) fixes.add(ref('Agency', agency.id, agency.name), agency.signatory ? 'Signatory title' : 'Signatory', 'is missing: the invoice names who signs it');
    const country = agency.country ?? '';
    return {
      party: agencyParty(agency),
      manufacturer: supplierParty(supplier),
      signatory,
      place: agency.city ? [agency.city, country].filter(Boolean).join(', ') : undefined,
    };
  }
  if (!supplier.canExportDirectly) {
    fixes.add(ref('Suppliers', supplier.id, supplier.name), 'Can export directly', `is not ticked, but ${po.poNumber} has Exporter = Supplier; tick it or set the PO's Exporter to Agency`);
  }
  const signatory = signatoryFromContact(supplier.contact);
  if (!signatory) fixes.add(ref('Suppliers', supplier.id, supplier.name), 'Contact', 'must name who signs for the factory and their title, e.g. "Chen Jianguo, export manager"');
  if (!supplier.cityCluster) fixes.add(ref('Suppliers', supplier.id, supplier.name), 'City / cluster', 'is missing: it is the place of issue and of sale on the documents');
  return { party: supplierParty(supplier), signatory, place: supplier.cityCluster ? `${supplier.cityCluster}, China` : undefined };
}

function lineInput(shipped: ShippedLine, fixes: FixList): LineInput {
  const { shipmentLine: sl, lineItem: li } = shipped;
  const slRef = ref('Shipment Lines', sl.id, sl.line);
  if (sl.quantity <= 0) fixes.add(slRef, 'Quantity', 'must be more than 0');
  const perCarton = li.unitsPerCarton;
  if (perCarton !== undefined && sl.quantity > 0) {
    if (sl.quantity % perCarton !== 0) {
      fixes.add(slRef, 'Quantity', `${sl.quantity} is not a whole number of cartons of ${perCarton} (${li.sku}); ship full cartons or list the odd carton as its own line`);
    } else if (sl.cartons !== undefined && sl.cartons !== sl.quantity / perCarton) {
      fixes.add(slRef, 'Cartons', `${sl.cartons} disagrees with ${sl.quantity} ÷ ${perCarton} units per carton = ${sl.quantity / perCarton}`);
    }
  }
  return {
    ref: ref('Line Items', li.id, li.sku),
    sku: li.sku,
    description: li.description ?? '',
    descriptionLocal: li.descriptionZh,
    hsCode: li.hsCode ?? '',
    countryOfOrigin: li.countryOfOrigin ?? '',
    quantity: sl.quantity,
    unit: li.unit ?? '',
    unitPrice: li.unitPrice ?? '',
    unitsPerCarton: li.unitsPerCarton ?? '',
    cartonLengthCm: li.cartonLengthCm ?? '',
    cartonWidthCm: li.cartonWidthCm ?? '',
    cartonHeightCm: li.cartonHeightCm ?? '',
    netKgPerCarton: li.netKgPerCarton ?? '',
    grossKgPerCarton: li.grossKgPerCarton ?? '',
    marks: lines(li.marks),
  };
}

/** "MSKU1234565, TGHU7654321" with seals in the same order; one container per shipment is the usual case. */
function containers(ctx: ShipmentContext, fixes: FixList): ContainerInput[] {
  const split = (text: string | undefined) => (text ?? '').split(/[\n,;]+/).map((s) => s.trim()).filter((s) => s !== '');
  const numbers = split(ctx.shipment.containerNumber);
  const seals = split(ctx.shipment.sealNumber);
  if (seals.length > 0 && seals.length !== numbers.length) {
    fixes.add(ref('Shipments', ctx.shipment.id, ctx.shipment.bookingRef), 'Seal number', `lists ${seals.length} seal(s) for ${numbers.length} container(s); give one seal per container, in the same order`);
  }
  return numbers.map((number, i) => ({ number, sealNumber: seals[i], type: ctx.shipment.containerType }));
}

function consigneeOf(ctx: ShipmentContext, buyer: PartyInput | undefined, fixes: FixList): PartyInput | undefined {
  const text = ctx.shipment.consignee;
  if (!text) return buyer;
  const party = textParty(ref('Shipments', ctx.shipment.id, ctx.shipment.bookingRef), text);
  if (!/^TO\s+(THE\s+)?ORDER\b/i.test(party.name) && party.country === undefined) {
    fixes.add(ref('Shipments', ctx.shipment.id, ctx.shipment.bookingRef), 'Consignee', 'must end with the country on its own line (e.g. "Germany") so customs know where the consignee is');
  }
  return party;
}

/**
 * @param today the generation date (YYYY-MM-DD), used as document date only when the shipment has no invoice date
 *   (the builders then ask for one), so the same data always gives the same documents.
 */
export function shipmentDocumentInput(ctx: ShipmentContext, today: string): DocumentInputResult {
  const fixes = new FixList();
  const { shipment, po, project, client } = ctx;
  const shipmentRef = ref('Shipments', shipment.id, shipment.bookingRef);
  const exporter = exporterOf(ctx, fixes);
  if (!client) fixes.add(shipmentRef, 'Client', 'is empty (and the project has no client): the buyer and consignee come from it');
  const buyer = client ? clientParty(client) : undefined;
  const consignee = consigneeOf(ctx, buyer, fixes);
  const notifyText = shipment.notifyParty ?? client?.notifyParty;
  const notifyParty = notifyText ? textParty(shipment.notifyParty ? shipmentRef : ref('Clients', client?.id ?? '', client?.name), notifyText) : undefined;
  const destination = project?.destinationCountry ?? client?.country;
  if (!destination) fixes.add(ref('Projects', project?.id ?? po.project, project?.project ?? `of ${po.poNumber}`), 'Destination country', 'is missing (and the client has no Country)');
  if (shipment.currency && po.currency && shipment.currency !== po.currency) {
    fixes.add(shipmentRef, 'Currency', `${shipment.currency} differs from ${po.poNumber}'s ${po.currency}; the unit prices are in ${po.currency}`);
  }
  const shippedLines = ctx.lines.map((l) => lineInput(l, fixes));
  const shipmentContainers = containers(ctx, fixes);
  const quantityNotes = orderedVsShipped(ctx, fixes);
  const charges = chargesOf(ctx, fixes);
  if (!fixes.isEmpty || !exporter || !buyer || !consignee) return { ok: false, fixes: fixes.items };

  const input: ShipmentDocumentInput = {
    documentDate: shipment.invoiceDate ?? today,
    invoice: {
      ref: shipmentRef,
      number: shipment.invoiceNumber ?? '',
      date: shipment.invoiceDate ?? '',
      saleDate: po.orderDate,
      salePlace: exporter.place,
      signatoryName: exporter.signatory?.name ?? '',
      signatoryTitle: exporter.signatory?.title ?? '',
      placeOfIssue: exporter.place ?? '',
      remarks: quantityNotes,
    },
    order: {
      ref: ref('Purchase Orders', po.id, po.poNumber),
      poNumber: po.poNumber,
      orderDate: po.orderDate,
      incoterm: po.incoterm ?? '',
      namedPlace: po.namedPlace ?? '',
      currency: shipment.currency ?? po.currency ?? '',
      paymentTerms: po.paymentTerms ?? '',
    },
    charges,
    exporter: exporter.party,
    buyer,
    consignee,
    notifyParty,
    manufacturer: exporter.manufacturer,
    lines: shippedLines,
    shipment: {
      ref: shipmentRef,
      mode: shipment.mode ?? '',
      carrier: shipment.carrier,
      bookingRef: shipment.bookingRef,
      blNumber: shipment.blNumber,
      blType: shipment.blType,
      vesselVoyage: shipment.vesselVoyageOrFlight,
      portOfLoading: shipment.portOfLoading ?? po.portOfLoading ?? '',
      portOfDischarge: shipment.portOfDischarge ?? po.portOfDischarge ?? '',
      placeOfDelivery: shipment.placeOfDelivery,
      destinationCountry: destination ?? '',
      usPortOfEntry: shipment.usPortOfEntry,
      // The on-board date once the vessel sailed, the planned one before.
      etd: shipment.atd ?? shipment.etd,
      containers: shipmentContainers,
      freightTerm: shipment.freightTerm,
      firstCartonNumber: ctx.firstCartonNumber,
    },
  };
  return { ok: true, input };
}
