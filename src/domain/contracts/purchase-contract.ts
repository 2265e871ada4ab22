/**
 * The purchase contract of one PO, English with Simplified Chinese, from the PO's data: parties, goods with specs
 * and drawings, prices, Incoterm and named place, payment and deposit, lead time and ship-by date, packaging,
 * inspection with its AQL plan, defects and penalties, governing terms and signature blocks. A PO missing what a
 * contract needs gets the list of fields to complete instead (nothing is guessed into a contract).
 */
import { FixList } from '../documents/fixes.ts';
import { currencyInfo, formatMinor, lineAmountMinor } from '../documents/currency.ts';
import { formatDecimal, parseDecimal } from '../documents/decimal.ts';
import { formatDate } from '../documents/format.ts';
import { incotermLine, incotermRule } from '../documents/incoterms.ts';
import { amountInWords } from '../documents/amount-in-words.ts';
import type { AgencyRecord } from '../models/agency.ts';
import type { LineItem } from '../models/line-item.ts';
import type { Project } from '../models/project.ts';
import type { PurchaseOrder } from '../models/purchase-order.ts';
import type { Supplier } from '../models/supplier.ts';
import { aqlPlan, type AqlPlan } from '../quality/aql-plan.ts';
import type { InspectionLevel } from '../quality/sampling-tables.ts';
import type { BuyerAsShown } from './buyer-shown-to-factory.ts';
import * as W from './contract-clauses.ts';
import type { Bilingual } from './contract-clauses.ts';

export interface ContractParty {
  role: Bilingual;
  name: string;
  nameLocal?: string | undefined;
  lines: string[];
}

export interface ContractLine {
  no: string;
  sku: string;
  description: string;
  descriptionLocal?: string | undefined;
  quantity: string;
  unit: string;
  unitPrice: string;
  amount: string;
}

export interface ContractTerm {
  label: Bilingual;
  value: string;
}

export interface AqlRow {
  defectClass: Bilingual;
  aql: string;
  sampleSize: string;
  accept: string;
  reject: string;
}

export type ContractBlock =
  | { kind: 'parties'; parties: ContractParty[] }
  | { kind: 'terms'; terms: ContractTerm[] }
  | { kind: 'text'; text: Bilingual }
  /** Order data as the agent typed it (English); printed once, not translated. */
  | { kind: 'data'; text: string }
  | { kind: 'goods'; lines: ContractLine[]; total: string; currency: string }
  | { kind: 'aql'; rows: AqlRow[] };

export interface ContractSection {
  heading: Bilingual;
  blocks: ContractBlock[];
}

export interface ContractSignature {
  role: Bilingual;
  company: string;
  companyLocal?: string | undefined;
  signatory: string;
}

export interface PurchaseContractContent {
  kind: 'purchase-contract';
  title: Bilingual;
  contractNumber: string;
  date: string;
  /** ISO date: the PDF creation date. */
  issuedOn: string;
  place: string;
  sections: ContractSection[];
  signatures: ContractSignature[];
}

export interface ContractInput {
  po: PurchaseOrder;
  project?: Project | undefined;
  supplier?: Supplier | undefined;
  agency?: AgencyRecord | undefined;
  lineItems: readonly LineItem[];
  buyer?: BuyerAsShown | undefined;
  /** YYYY-MM-DD: the contract date when the PO has no order date. */
  today: string;
}

export type ContractResult = { ok: true; content: PurchaseContractContent } | { ok: false; fixes: string[] };

const blank = (text: string | undefined): boolean => text === undefined || text.trim() === '';
const lines = (text: string | undefined): string[] => (text ?? '').split('\n').map((l) => l.trim()).filter((l) => l !== '');
const count = (n: number): string => n.toLocaleString('en-US');
const pct = (fraction: number): string => `${Math.round(fraction * 1000) / 10} %`;

const CLASSES: Array<{ key: 'critical' | 'major' | 'minor'; label: Bilingual }> = [
  { key: 'critical', label: { en: 'Critical', zh: '致命缺陷' } },
  { key: 'major', label: { en: 'Major', zh: '主要缺陷' } },
  { key: 'minor', label: { en: 'Minor', zh: '次要缺陷' } },
];

/** What must be on the PO (and its supplier, project, agency) before a contract can be drafted. */
function missing(input: ContractInput, fixes: FixList): void {
  const { po, supplier, agency, project } = input;
  const poRef = { table: 'Purchase Orders', id: po.id };
  if (!agency) fixes.add({ table: 'Agency', id: '(none)' }, 'Legal name', 'no readable Agency row: the agency is the buyer on the contract');
  else if (blank(agency.signatory)) fixes.add({ table: 'Agency', id: agency.id }, 'Signatory', 'is missing: the contract names who signs for the buyer');
  if (!supplier) fixes.add(poRef, 'Supplier', 'points at a supplier that could not be read');
  else {
    if (blank(supplier.address)) fixes.add({ table: 'Suppliers', id: supplier.id }, 'Address', 'is missing: the seller\'s address is on the contract');
    if (blank(supplier.contact)) fixes.add({ table: 'Suppliers', id: supplier.id }, 'Contact', 'is missing: the contract names who signs for the seller');
  }
  if (po.incoterm === undefined) fixes.add(poRef, 'Incoterm', 'is missing');
  if (blank(po.namedPlace)) fixes.add(poRef, 'Named place', 'is missing: an Incoterm without its named place is incomplete');
  if (po.currency === undefined) fixes.add(poRef, 'Currency', 'is missing');
  if (blank(po.paymentTerms)) fixes.add(poRef, 'Payment terms', 'is missing');
  if (po.deposit === undefined) fixes.add(poRef, 'Deposit %', 'is missing (enter 0 % when there is no deposit)');
  if (po.leadTimeDays === undefined && po.shipBy === undefined) fixes.add(poRef, 'Lead time days', 'and "Ship-by date" are both missing');
  if (po.specsAndDrawings.length === 0 && blank(po.drawingReferences)) {
    fixes.add(poRef, 'Drawing references', 'is empty and "Specs & drawings" has no file: the contract lists the specs and drawings the goods must follow');
  }
  if (blank(po.packagingInstructions)) fixes.add(poRef, 'Packaging instructions', 'is missing');
  if (blank(po.inspectionProtocol)) fixes.add(poRef, 'Inspection protocol', 'is missing');
  if (blank(po.defectAndPenaltyClauses)) fixes.add(poRef, 'Defect & penalty clauses', 'is missing');
  if (input.lineItems.length === 0) fixes.add(poRef, 'Line Items', 'has no line items');
  for (const li of input.lineItems) {
    const ref = { table: 'Line Items', id: li.id };
    if (blank(li.description)) fixes.add(ref, 'Description', `is missing (${li.sku})`);
    if (li.quantity === undefined || li.quantity <= 0) fixes.add(ref, 'Quantity', `is missing (${li.sku})`);
    if (li.unit === undefined) fixes.add(ref, 'Unit', `is missing (${li.sku})`);
    if (li.unitPrice === undefined) fixes.add(ref, 'Unit price', `is missing (${li.sku})`);
  }
  if (project && project.aqlMajor === undefined && project.aqlMinor === undefined && project.aqlCritical === undefined) {
    fixes.add({ table: 'Projects', id: project.id }, 'AQL major', 'and the other AQLs are missing: the contract states the sampling plan');
  }
}

function aqlRows(plan: AqlPlan): AqlRow[] {
  return CLASSES.flatMap(({ key, label }) => {
    const p = plan[key];
    if (!p) return [];
    return [{ defectClass: label, aql: p.aql === 0 ? '0 (zero tolerance)' : p.aql.toFixed(p.aql < 1 ? 2 : 1), sampleSize: count(p.sampleSize), accept: String(p.accept), reject: String(p.reject) }];
  });
}

export function buildPurchaseContract(input: ContractInput): ContractResult {
  const fixes = new FixList();
  missing(input, fixes);
  const { po, supplier, agency, project, buyer } = input;
  const currency = po.currency ? currencyInfo(po.currency) : undefined;
  const rule = po.incoterm ? incotermRule(po.incoterm) : undefined;
  if (!fixes.isEmpty || !supplier || !agency || !currency || !rule || !buyer) return { ok: false, fixes: fixes.items };

  let totalMinor = 0n;
  let totalUnits = 0;
  const goods: ContractLine[] = input.lineItems.map((li, i) => {
    const price = parseDecimal(li.unitPrice ?? 0) ?? { units: 0n, scale: 0 };
    const quantity = li.quantity ?? 0;
    const amount = lineAmountMinor({ units: BigInt(quantity), scale: 0 }, price, currency);
    totalMinor += amount;
    totalUnits += quantity;
    return {
      no: String(i + 1), sku: li.sku, description: li.description ?? '', descriptionLocal: li.descriptionZh,
      quantity: count(quantity), unit: (li.unit ?? '').toUpperCase(), unitPrice: formatDecimal(price, currency.minorDigits), amount: formatMinor(amount, currency),
    };
  });
  const money = (minor: bigint) => `${currency.code} ${formatMinor(minor, currency)}`;
  const depositMinor = (totalMinor * BigInt(Math.round((po.deposit ?? 0) * 10_000)) + 5_000n) / 10_000n;

  const buyerLines = [...lines(agency.address), ...(agency.addressZh ? [agency.addressZh] : []), ...(agency.phone ? [`Tel: ${agency.phone}`] : []), ...(agency.email ? [`Email: ${agency.email}`] : [])];
  if (buyer.endClient) buyerLines.push(`For the account of 代表: ${buyer.endClient.name}${buyer.endClient.address ? `, ${buyer.endClient.address.replace(/\n/g, ', ')}` : ''}`);
  const sellerLines = [...lines(supplier.address), ...(supplier.addressZh ? [supplier.addressZh] : []), ...(supplier.taxId ? [`USCI 统一社会信用代码: ${supplier.taxId}`] : []), ...(supplier.contact ? [`Contact 联系人: ${supplier.contact}`] : [])];

  const level = (project?.inspectionLevel ?? 'II') as InspectionLevel;
  let plan: AqlPlan | undefined;
  try {
    plan = aqlPlan({ lotSize: Math.max(1, totalUnits), level, aqlCritical: project?.aqlCritical ?? null, aqlMajor: project?.aqlMajor ?? null, aqlMinor: project?.aqlMinor ?? null });
  } catch (error) {
    return { ok: false, fixes: [`Projects ${project?.id ?? '?'}: "AQL major" ${error instanceof Error ? error.message : String(error)}`] };
  }

  const delivery: ContractTerm[] = [];
  if (po.leadTimeDays !== undefined) delivery.push({ label: { en: 'Lead time', zh: '生产周期' }, value: `${po.leadTimeDays} days after the deposit is received / 收到定金后 ${po.leadTimeDays} 天` });
  if (po.shipBy) delivery.push({ label: { en: 'Ship by', zh: '最迟装运日期' }, value: formatDate(po.shipBy) });
  if (po.portOfLoading) delivery.push({ label: { en: 'Port of loading', zh: '装运港' }, value: po.portOfLoading });
  if (po.portOfDischarge) delivery.push({ label: { en: 'Destination', zh: '目的港' }, value: po.portOfDischarge });
  if (po.shippingMode) delivery.push({ label: { en: 'Shipping mode', zh: '运输方式' }, value: po.shippingMode });
  delivery.push({
    label: { en: 'Quantity tolerance', zh: '数量溢短装' },
    value: po.quantityTolerance ? `±${pct(po.quantityTolerance)} per item / 每款 ±${pct(po.quantityTolerance)}` : 'the exact quantity ordered / 按订单数量交货',
  });

  const sections: ContractSection[] = [
    { heading: W.HEADINGS.parties, blocks: [
      { kind: 'parties', parties: [
        { role: W.BUYER, name: buyer.agencyName, nameLocal: agency.legalNameZh, lines: buyerLines },
        { role: W.SELLER, name: supplier.name, nameLocal: supplier.nameZh, lines: sellerLines },
      ] },
      { kind: 'text', text: W.PREAMBLE },
    ] },
    { heading: W.HEADINGS.goods, blocks: [
      { kind: 'goods', lines: goods, total: formatMinor(totalMinor, currency), currency: currency.code },
      { kind: 'terms', terms: [{ label: { en: 'Total amount in words', zh: '合计金额（大写）' }, value: amountInWords(totalMinor, currency) }] },
      { kind: 'text', text: W.SPECS },
      { kind: 'terms', terms: [...lines(po.drawingReferences), ...po.specsAndDrawings.map((file) => file.filename)]
        .map((value, i) => ({ label: { en: `Drawing / spec ${i + 1}`, zh: `图纸/规格 ${i + 1}` }, value })) },
    ] },
    { heading: W.HEADINGS.price, blocks: [{ kind: 'terms', terms: [
      { label: { en: 'Delivery term', zh: '贸易术语' }, value: incotermLine(rule, po.namedPlace ?? '') },
      { label: { en: 'Currency', zh: '币种' }, value: `${currency.code} (${currency.majorName})` },
      { label: { en: 'Prices', zh: '价格' }, value: 'Fixed for this order, including packaging and marking as below / 本订单价格固定，含下列包装及唛头' },
    ] }] },
    { heading: W.HEADINGS.payment, blocks: [{ kind: 'terms', terms: [
      { label: { en: 'Payment terms', zh: '付款条件' }, value: po.paymentTerms ?? '' },
      { label: { en: 'Deposit', zh: '定金' }, value: `${pct(po.deposit ?? 0)} = ${money(depositMinor)}` },
      { label: { en: 'Balance', zh: '余款' }, value: `${money(totalMinor - depositMinor)}${po.balanceDue ? ` (${po.balanceDue})` : ''}` },
    ] }] },
    { heading: W.HEADINGS.delivery, blocks: [{ kind: 'terms', terms: delivery }] },
    { heading: W.HEADINGS.packaging, blocks: [{ kind: 'data', text: po.packagingInstructions ?? '' }] },
    { heading: W.HEADINGS.inspection, blocks: [
      { kind: 'data', text: po.inspectionProtocol ?? '' },
      { kind: 'terms', terms: [{ label: { en: 'Sampling plan', zh: '抽样方案' }, value: `ISO 2859-1, single sampling, normal inspection, level ${level}, lot ${count(plan.lotSize)} units (code letter ${plan.codeLetter}) / 一次抽样，正常检验，检验水平 ${level}` }] },
      { kind: 'aql', rows: aqlRows(plan) },
    ] },
    { heading: W.HEADINGS.defects, blocks: [{ kind: 'data', text: po.defectAndPenaltyClauses ?? '' }, { kind: 'text', text: W.DEFECTS_STANDARD }] },
    { heading: W.HEADINGS.confidentiality, blocks: [{ kind: 'text', text: W.CONFIDENTIALITY }] },
    { heading: W.HEADINGS.governing, blocks: [{ kind: 'text', text: W.GOVERNING }] },
  ];
  const place = agency.city ? `${agency.city}, China` : 'China';
  return {
    ok: true,
    content: {
      kind: 'purchase-contract',
      title: W.TITLE,
      contractNumber: po.poNumber,
      date: formatDate(po.orderDate ?? input.today),
      issuedOn: po.orderDate ?? input.today,
      place,
      sections,
      signatures: [
        { role: W.BUYER, company: buyer.agencyName, companyLocal: agency.legalNameZh, signatory: [agency.signatory, agency.signatoryTitle].filter(Boolean).join(', ') },
        { role: W.SELLER, company: supplier.name, companyLocal: supplier.nameZh, signatory: supplier.contact ?? '' },
      ],
    },
  };
}
