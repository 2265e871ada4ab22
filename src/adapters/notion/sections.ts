/**
 * Rewrites only the changed body sections of a page. A section starts at its heading and runs to the next
 * section heading; its blocks are deleted one by one (https://developers.notion.com/reference/delete-a-block) and
 * the new ones appended right after the heading (https://developers.notion.com/reference/patch-block-children,
 * `position: after_block`). Sections missing from the page are inserted after the section that precedes them.
 */
import type { BlockObjectRequest, BlockObjectResponse } from '@notionhq/client';
import type { SectionLayout } from '../../domain/portal/portal-layout.ts';
import { heading } from '../../domain/portal/blocks.ts';
import type { SectionContent } from '../../ports/notion.ts';
import { chunkBlocks } from './chunks.ts';
import type { NotionConnection } from './connection.ts';
import { headingText } from './from-notion.ts';
import { blockRequest } from './to-notion.ts';

interface SectionOnPage {
  key: string;
  headingId: string;
  contentIds: string[];
}

const PAGE_SIZE = 100;

export async function listTopLevelBlocks(connection: NotionConnection, pageId: string): Promise<BlockObjectResponse[]> {
  const results: BlockObjectResponse[] = [];
  let cursor: string | undefined;
  do {
    const page = await connection.call((c) => c.blocks.children.list({ block_id: pageId, page_size: PAGE_SIZE, ...(cursor ? { start_cursor: cursor } : {}) }));
    for (const block of page.results) if ('type' in block) results.push(block);
    cursor = page.has_more && page.next_cursor ? page.next_cursor : undefined;
  } while (cursor);
  return results;
}

/** Sections as they are on the page now; blocks before the first section heading belong to none. */
export function sectionsOnPage(blocks: readonly BlockObjectResponse[], layout: readonly SectionLayout[]): SectionOnPage[] {
  const keyOf = new Map(layout.map((s) => [s.title.trim(), s.key]));
  const out: SectionOnPage[] = [];
  for (const block of blocks) {
    const key = keyOf.get(headingText(block)?.trim() ?? '\u0000');
    if (key !== undefined) out.push({ key, headingId: block.id, contentIds: [] });
    else out.at(-1)?.contentIds.push(block.id);
  }
  return out;
}

/** Appends blocks after `afterId` (or at the start), in as many requests as Notion needs; answers the new IDs. */
export async function appendAfter(connection: NotionConnection, pageId: string, afterId: string | undefined, blocks: BlockObjectRequest[]): Promise<string[]> {
  const ids: string[] = [];
  let anchor = afterId;
  for (const chunk of chunkBlocks(blocks)) {
    const position = anchor ? { type: 'after_block' as const, after_block: { id: anchor } } : { type: 'start' as const };
    const response = await connection.call((c) => c.blocks.children.append({ block_id: pageId, children: chunk, position }));
    const added = response.results.map((b) => b.id);
    ids.push(...added);
    anchor = added.at(-1) ?? anchor;
  }
  return ids;
}

export async function replaceSections(
  connection: NotionConnection,
  pageId: string,
  changed: readonly SectionContent[],
  layout: readonly SectionLayout[],
): Promise<{ blocksDeleted: number; blocksAppended: number }> {
  let onPage = sectionsOnPage(await listTopLevelBlocks(connection, pageId), layout);
  let blocksDeleted = 0;
  let blocksAppended = 0;
  const remove = async (id: string) => {
    await connection.call((c) => c.blocks.delete({ block_id: id }));
    blocksDeleted += 1;
  };

  for (const section of layout) {
    const next = changed.find((s) => s.key === section.key);
    if (!next) continue;
    const requests = next.blocks.map(blockRequest);
    const [first, ...copies] = onPage.filter((s) => s.key === section.key);
    if (first) {
      for (const id of first.contentIds) await remove(id);
      // A section heading pasted twice by hand: the copies and their blocks go, the first heading stays.
      for (const copy of copies) for (const id of [copy.headingId, ...copy.contentIds]) await remove(id);
      const added = await appendAfter(connection, pageId, first.headingId, requests);
      blocksAppended += added.length;
      onPage = onPage.filter((s) => !copies.includes(s)).map((s) => (s === first ? { ...s, contentIds: added } : s));
      continue;
    }
    const position = layout.findIndex((s) => s.key === section.key);
    const before = [...onPage].reverse().find((s) => layout.findIndex((l) => l.key === s.key) < position);
    const anchor = before ? (before.contentIds.at(-1) ?? before.headingId) : undefined;
    const added = await appendAfter(connection, pageId, anchor, [blockRequest(heading(section.title)), ...requests]);
    blocksAppended += added.length;
    const [headingId, ...contentIds] = added;
    if (headingId) {
      const inserted: SectionOnPage = { key: section.key, headingId, contentIds };
      const at = before ? onPage.indexOf(before) + 1 : 0;
      onPage = [...onPage.slice(0, at), inserted, ...onPage.slice(at)];
    }
  }
  return { blocksDeleted, blocksAppended };
}

/** All sections as blocks, each opened by its heading: the body of a new page. */
export function sectionBlocks(sections: readonly SectionContent[]): BlockObjectRequest[] {
  return sections.flatMap((s) => [blockRequest(heading(s.title)), ...s.blocks.map(blockRequest)]);
}

