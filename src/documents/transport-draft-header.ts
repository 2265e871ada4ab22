/**
 * The opening of a transport-document draft (B/L draft, air waybill draft), laid out like a carrier's form: the
 * shipper's name with the title and the instruction beside it (what follows starts under whichever is taller, as
 * long legal names wrap), then shipper and references, consignee and notify party, and the routing fields.
 */
import type { Field } from '../domain/documents/commercial-invoice.ts';
import type { PartyBlock } from '../domain/documents/format.ts';
import { drawBoxRow, drawContinuationHeader, drawFieldGrid } from './blocks.ts';
import type { Frame } from './frame.ts';
import { THEME } from './theme.ts';

export interface TransportDraftHead {
  title: string;
  /** Three short lines, broken by hand: PDFKit may break after the slash of "B/L". */
  instruction: string;
  invoiceNumber: string;
  shipper: PartyBlock;
  consignee: PartyBlock;
  notifyParty: PartyBlock;
  references: Field[];
  routing: Field[];
}

export function drawTransportDraftHeader(frame: Frame, c: TransportDraftHead): void {
  const top = frame.y;
  const nameHeight = frame.text(c.shipper.name, frame.left, top, frame.width * 0.5 - 8, { bold: true, size: 10, color: THEME.accent });
  const titleHeight = frame.text(c.title, frame.left + frame.width * 0.5, top, frame.width * 0.5, { bold: true, size: THEME.size.title, align: 'right', color: THEME.accent });
  const noteHeight = frame.text(c.instruction, frame.left + frame.width * 0.5, top + titleHeight + 2, frame.width * 0.5, { size: THEME.size.small, align: 'right', color: THEME.muted });
  frame.y = top + Math.max(nameHeight, titleHeight + 2 + noteHeight) + 4;
  frame.line(frame.left, frame.y, frame.right, frame.y, THEME.accent, 1.2);
  frame.y += 8;
  frame.onNewPage((f) => drawContinuationHeader(f, c.title, `invoice No. ${c.invoiceNumber}`, c.shipper.name));

  drawBoxRow(frame, [{ title: 'Shipper', party: c.shipper }, { title: 'References', fields: c.references }], [0.58, 0.42]);
  drawBoxRow(frame, [
    { title: 'Consignee', party: c.consignee },
    { title: 'Notify party', party: c.notifyParty },
  ], [0.58, 0.42]);
  drawFieldGrid(frame, c.routing, c.routing.length);
  frame.y += 8;
}
