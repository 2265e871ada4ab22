import type { BillOfLadingDraftContent } from '../domain/documents/bill-of-lading.ts';
import { drawFieldGrid } from './blocks.ts';
import type { Frame } from './frame.ts';
import { drawTable, type Column } from './table.ts';
import { drawTransportDraftHeader } from './transport-draft-header.ts';

interface CargoRow {
  marks: string;
  packages: string;
  description: string;
  gross: string;
  measurement: string;
}

const CARGO: Column<CargoRow>[] = [
  { header: 'Marks and numbers', width: 20, cell: (r) => r.marks },
  { header: 'No. and kind of packages', width: 15, cell: (r) => r.packages, bold: true },
  { header: 'Description of goods', width: 39, cell: (r) => r.description },
  { header: 'Gross weight kg', width: 13, cell: (r) => r.gross, align: 'right' },
  { header: 'Measurement m³', width: 13, cell: (r) => r.measurement, align: 'right' },
];

interface ContainerRow {
  number: string;
  sealNumber: string;
  type: string;
}

const CONTAINERS: Column<ContainerRow>[] = [
  { header: 'Container No. (ISO 6346)', width: 40, cell: (r) => r.number, bold: true },
  { header: 'Seal No.', width: 35, cell: (r) => r.sealNumber },
  { header: 'Size / type', width: 25, cell: (r) => r.type },
];

/** Draft B/L laid out like a carrier's form: parties left, references right, routing, containers, cargo, freight. */
export function drawBillOfLadingDraft(frame: Frame, c: BillOfLadingDraftContent): void {
  drawTransportDraftHeader(frame, { ...c, instruction: 'Shipping instruction for the carrier.\nPlease check every field and return corrections\nbefore the B/L is issued.', invoiceNumber: c.invoice.number });

  if (c.containers.length > 0) {
    drawTable(frame, CONTAINERS, c.containers);
    frame.y += 8;
  }
  // Marks and packages run down their columns beside the goods; one row per description keeps pages clean.
  const rows: CargoRow[] = [
    { marks: '', packages: '', description: c.clauses.join('\n'), gross: c.grossKg, measurement: c.cbm },
    ...c.descriptionLines.map((line) => ({ marks: '', packages: '', description: line, gross: '', measurement: '' })),
  ];
  drawTable(frame, CARGO, rows, {
    keepWithLastRow: 120,
    verticalRules: true,
    rowRules: false,
    leadText: [
      { column: 0, text: c.marks.join('\n') },
      { column: 1, text: `${c.packages}\n\n${c.packagesInWords}`, bold: true },
    ],
  });
  frame.y += 8;

  drawFieldGrid(frame, [
    { label: 'Freight and charges', value: c.freight.term },
    { label: 'Freight payable at', value: c.freight.payableAt },
    { label: 'Number of original B/Ls', value: c.originals },
    { label: 'Invoice', value: `${c.invoice.number} of ${c.invoice.date}` },
    { label: 'Place and date of issue', value: '(by carrier)' },
    { label: 'Shipped on board date', value: '(by carrier)' },
    { label: 'Total packages', value: c.packages },
    { label: 'Gross weight / measurement', value: `${c.grossKg} KG / ${c.cbm} CBM` },
  ], 4);
}
