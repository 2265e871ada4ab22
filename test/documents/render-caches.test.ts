import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { buildDocumentPack, type DocumentPack } from '../../src/domain/documents/index.ts';
import type { ShipmentDocumentInput } from '../../src/domain/documents/input.ts';
import { largeShipment, sampleShipment } from '../domain/documents/sample-shipment.ts';
import { pdfText } from './pdf-text.ts';

/**
 * The renderer keeps parsed fonts, shaped words and measured heights for the whole process. These tests hold it
 * to "same content → same bytes" however warm those caches are and whatever was rendered before.
 */

type RenderModule = typeof import('../../src/documents/render-document.ts');

function packFor(input: ShipmentDocumentInput): DocumentPack {
  const result = buildDocumentPack(input);
  if (!result.ok) throw new Error(result.fixes.join('\n'));
  return result.pack;
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A renderer with empty caches, as in a process that has not rendered anything yet. */
async function freshRenderer(): Promise<RenderModule['renderDocument']> {
  vi.resetModules();
  const module: RenderModule = await import('../../src/documents/render-document.ts');
  return module.renderDocument;
}

async function renderPack(render: RenderModule['renderDocument'], pack: DocumentPack): Promise<string[]> {
  const co = pack.certificateOfOrigin;
  const bl = pack.billOfLadingDraft;
  if (!co || !bl) throw new Error('incomplete pack');
  return [
    sha256(await render('commercial-invoice', pack.commercialInvoice)),
    sha256(await render('packing-list', pack.packingList)),
    sha256(await render('certificate-of-origin', co)),
    sha256(await render('bill-of-lading-draft', bl, { pageSize: 'LETTER' })),
  ];
}

describe('render caches', () => {
  it('renders a 200-line pack to the same bytes the second time in a process', async () => {
    const render = await freshRenderer();
    const pack = packFor(largeShipment(200));
    const first = await renderPack(render, pack);
    const second = await renderPack(render, packFor(largeShipment(200)));
    expect(second).toEqual(first);
    expect(new Set(first).size).toBe(4);
  });

  it('gives a document the same bytes whatever the process rendered before', async () => {
    const invoice = packFor(sampleShipment()).commercialInvoice;
    const alone = sha256(await (await freshRenderer())('commercial-invoice', invoice));

    // The figure dash (U+2012) and the en dash of the carton ranges (U+2013) are one glyph in the font, as are the
    // space and the no-break space: whichever the process met first must not leak into later documents.
    const other = sampleShipment();
    other.exporter.address = ['No.\u00a088 Jinhai Road \u2012 Beilun District', 'Ningbo, Zhejiang 315800'];
    const render = await freshRenderer();
    await render('commercial-invoice', packFor(other).commercialInvoice);
    const after = await render('commercial-invoice', invoice);

    expect(sha256(after)).toBe(alone);
    const { flat } = await pdfText(after);
    expect(flat).toContain('1–40');
    expect(flat).not.toContain('\u2012');
  });
});
