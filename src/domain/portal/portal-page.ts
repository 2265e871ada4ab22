/**
 * A page the portal should show: properties, body sections with their hashes, and what the sync needs to place
 * it. `syncHashOf` folds properties and section hashes into the record's "Portal sync hash" (kept in Airtable, never
 * on the page: clients read every property).
 */
import type { PortalBlock } from './blocks.ts';
import { blocksHash, hashOf } from './content-hash.ts';
import type { PortalProperties } from './page-values.ts';
import type { SectionLayout } from './portal-layout.ts';
import type { SyncHash } from './sync-hash.ts';

export interface BodySection extends SectionLayout {
  blocks: PortalBlock[];
}

export interface HashedSection extends BodySection {
  hash: string;
}

export type PageKind = 'project' | 'po';

export interface PortalPage {
  kind: PageKind;
  airtableId: string;
  /** How reports name it: "PO-2405", "Harborline · 1.7 L cordless kettle". */
  label: string;
  /** Agency-owned properties; relations still name Airtable records. */
  properties: PortalProperties;
  /** Client-owned properties, written only when the page is created (carried over from Airtable). */
  seed: PortalProperties;
  sections: HashedSection[];
  /** Live records are polled for client comments; closed ones are not. */
  watchComments: boolean;
  /** The page the Airtable record links to ("Notion page"), used to restore an archived page. */
  knownUrl?: string;
}

export function withHashes(sections: readonly BodySection[]): HashedSection[] {
  return sections.map((s) => ({ ...s, hash: blocksHash(s.title, s.blocks) }));
}

/** The Sync hash of a page from its final properties (relations resolved) and its sections. */
export function syncHashOf(properties: PortalProperties, sections: readonly HashedSection[]): SyncHash {
  return { properties: hashOf(properties), sections: Object.fromEntries(sections.map((s) => [s.key, s.hash])) };
}

/** The page's title as plain text (how Notion lists it), to recognise a page whose link never reached Airtable. */
export function titleText(properties: PortalProperties): string {
  const value = Object.values(properties).find((v) => v.type === 'title');
  return value?.type === 'title' ? value.text.map((t) => t.text).join('') : '';
}
