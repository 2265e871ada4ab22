import type { BlockObjectRequest } from '@notionhq/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiError, createPo, createPortal, startNotion, text, type NotionKit } from './notion-kit.ts';

function paragraph(content: string): BlockObjectRequest {
  return { paragraph: { rich_text: text(content) } };
}

function toggle(children: BlockObjectRequest[]): BlockObjectRequest {
  return { toggle: { rich_text: text('more'), children } } as BlockObjectRequest;
}

describe('Notion request limits (400 validation_error with the offending path)', () => {
  let kit: NotionKit;
  let pageId: string;
  beforeEach(async () => {
    kit = await startNotion();
    pageId = (await createPo(kit.notion, await createPortal(kit.notion), 'PO-1')).id;
  });
  afterEach(async () => {
    await kit.ws.close();
  });

  it('rich text content over 2000 characters', async () => {
    const error = await apiError(() =>
      kit.notion.blocks.children.append({ block_id: pageId, children: [paragraph('ok'), paragraph('x'.repeat(2001))] }),
    );
    expect(error.status).toBe(400);
    expect(error.code).toBe('validation_error');
    expect(error.message).toBe('body failed validation: body.children[1].paragraph.rich_text[0].text.content.length should be ≤ `2000`, instead was `2001`.');
    expect(error.request_id).toEqual(expect.any(String));
    // Exactly 2000 is fine, and nothing of the refused request was stored.
    await kit.notion.blocks.children.append({ block_id: pageId, children: [paragraph('x'.repeat(2000))] });
    expect((await kit.notion.blocks.children.list({ block_id: pageId })).results).toHaveLength(1);
  });

  it('a link URL over 2000 characters', async () => {
    const url = `https://example.com/${'a'.repeat(1990)}`;
    const error = await apiError(() =>
      kit.notion.pages.update({ page_id: pageId, properties: { Documents: { url } } }),
    );
    expect(error.message).toBe(`body failed validation: body.properties.Documents.url.length should be ≤ \`2000\`, instead was \`${url.length}\`.`);
  });

  it('101 children in one append', async () => {
    const error = await apiError(() =>
      kit.notion.blocks.children.append({ block_id: pageId, children: Array.from({ length: 101 }, (_, i) => paragraph(`p${i}`)) }),
    );
    expect(error.message).toBe('body failed validation: body.children.length should be ≤ `100`, instead was `101`.');
  });

  it('more than 100 rich text items in one property', async () => {
    const error = await apiError(() =>
      kit.notion.pages.update({ page_id: pageId, properties: { Supplier: { rich_text: Array.from({ length: 101 }, () => ({ text: { content: 'a' } })) } } }),
    );
    expect(error.message).toBe('body failed validation: body.properties.Supplier.rich_text.length should be ≤ `100`, instead was `101`.');
  });

  it('three levels of nesting in one request', async () => {
    const error = await apiError(() =>
      kit.notion.blocks.children.append({ block_id: pageId, children: [toggle([toggle([paragraph('too deep')])])] }),
    );
    expect(error.code).toBe('validation_error');
    expect(error.message).toMatch(/^body failed validation: body\.children\[0\]\.toggle\.children\[0\]\.toggle\.children should be not present/);
    // Two levels are allowed, and the third can be appended in a second request.
    const leaf: BlockObjectRequest = { toggle: { rich_text: text('level 2') } };
    const ok = await kit.notion.blocks.children.append({ block_id: pageId, children: [toggle([leaf])] });
    const [outer] = ok.results;
    const [inner] = (await kit.notion.blocks.children.list({ block_id: outer!.id })).results;
    const deeper = await kit.notion.blocks.children.append({ block_id: inner!.id, children: [paragraph('level 3')] });
    expect(deeper.results).toHaveLength(1);
  });

  it('more than 1000 block elements in one request', async () => {
    const children = Array.from({ length: 11 }, () => toggle(Array.from({ length: 90 }, (_, i) => paragraph(`row ${i}`))));
    const error = await apiError(() => kit.notion.blocks.children.append({ block_id: pageId, children }));
    expect(error.code).toBe('validation_error');
    expect(error.message).toBe('body failed validation: body.children should contain ≤ `1000` block elements in one request, instead was `1001`.');
  });

  it('a payload over 500 KB answers 413 with an SDK-known code', async () => {
    const children = Array.from({ length: 100 }, () => ({
      paragraph: { rich_text: Array.from({ length: 3 }, () => ({ text: { content: 'é'.repeat(1000) } })) },
    }));
    const error = await apiError(() => kit.notion.blocks.children.append({ block_id: pageId, children }));
    expect(error.status).toBe(413);
    expect(error.code).toBe('validation_error');
    expect(error.message).toContain('500 KB');
  });
});
