import { describe, expect, it } from 'vitest';
import { importComments, type CommentedPage } from '../../../src/domain/portal/client-comments.ts';
import { diffPages, type ExistingPage, type PlannedPage } from '../../../src/domain/portal/page-diff.ts';
import { pageIdFromUrl } from '../../../src/domain/portal/notion-ids.ts';
import type { PortalPage } from '../../../src/domain/portal/portal-page.ts';
import { encodeSyncHash } from '../../../src/domain/portal/sync-hash.ts';
import { syncIssuesUpdate } from '../../../src/domain/models/sync-issue-lines.ts';
import { SYNC_ISSUE_PREFIX } from '../../../src/domain/portal/sync-issues.ts';

const hash = { properties: 'p1', sections: { summary: 's1' } };
function planned(airtableId: string, knownUrl?: string): PlannedPage {
  const page = { kind: 'po', airtableId, label: airtableId, properties: {}, seed: {}, sections: [], watchComments: true, ...(knownUrl ? { knownUrl } : {}) } as PortalPage;
  return { page, properties: {}, hash };
}
function existing(airtableId: string, pageId: string, syncHash = encodeSyncHash(hash)): ExistingPage {
  return { pageId, url: `https://www.notion.so/x-${pageId.replace(/-/g, '')}`, title: airtableId, airtableId, syncHash, clientApproval: null };
}
const ID_A = '11111111-1111-1111-1111-111111111111';
const ID_B = '22222222-2222-2222-2222-222222222222';

describe('page diff', () => {
  it('keeps unchanged pages, updates changed ones, creates missing ones and archives the rest', () => {
    const actions = diffPages(
      [planned('recA'), planned('recB'), planned('recC')],
      [existing('recA', ID_A), existing('recB', ID_B, 'v1 p=old summary=s1'), existing('recGone', '33333333-3333-3333-3333-333333333333')],
      new Set(),
    );
    expect(actions.map((a) => [a.kind, a.kind === 'archive' ? a.existing.airtableId : a.planned.page.airtableId])).toEqual([
      ['keep', 'recA'],
      ['update', 'recB'],
      ['create', 'recC'],
      ['archive', 'recGone'],
    ]);
    expect(actions[1]).toMatchObject({ properties: true, sections: [] });
  });

  it('never archives the page of a held (malformed) record, nor pages without an Airtable ID', () => {
    const actions = diffPages([], [existing('recBad', ID_A), existing('', ID_B)], new Set(['recBad']));
    expect(actions).toEqual([]);
  });

  it('keeps the page Airtable links to when a page was duplicated, and archives the copy', () => {
    const actions = diffPages([planned('recA', `http://127.0.0.1:4010/notion/${ID_B.replace(/-/g, '')}`)], [existing('recA', ID_A), existing('recA', ID_B)], new Set());
    expect(actions.find((a) => a.kind === 'keep')).toMatchObject({ existing: { pageId: ID_B } });
    expect(actions.find((a) => a.kind === 'archive')).toMatchObject({ existing: { pageId: ID_A }, reason: 'duplicate' });
  });

  it('offers to restore the page a record links to when it has none in the portal', () => {
    const [action] = diffPages([planned('recA', `https://www.notion.so/PO-2405-${ID_A.replace(/-/g, '')}`)], [], new Set());
    expect(action).toMatchObject({ kind: 'create', restoreFrom: ID_A });
  });

  it.each([
    ['https://www.notion.so/Harborline-Home-Sourcing-portal-6848feda5e744ba4991ef71eff56b4d9', '6848feda-5e74-4ba4-991e-f71eff56b4d9'],
    ['http://127.0.0.1:4010/notion/6848feda5e744ba4991ef71eff56b4d9?pvs=4', '6848feda-5e74-4ba4-991e-f71eff56b4d9'],
    ['not a url', undefined],
  ])('reads the page ID of %s', (url, id) => {
    expect(pageIdFromUrl(url)).toBe(id);
  });
});

describe('Sync issues lines', () => {
  it.each([
    { current: undefined, messages: ['"Ship-by date" is missing'], next: 'Portal sync: "Ship-by date" is missing' },
    { current: 'Portal sync: old problem', messages: [], next: '' },
    { current: 'Checks: kept\nPortal sync: old', messages: ['new'], next: 'Checks: kept\nPortal sync: new' },
    { current: 'Checks: kept\nPortal sync: same', messages: ['same'], next: undefined },
  ])('$current + $messages → $next', ({ current, messages, next }) => {
    expect(syncIssuesUpdate(current, messages, SYNC_ISSUE_PREFIX)).toBe(next);
  });
});

describe('client comments', () => {
  const page: CommentedPage = { kind: 'po', label: 'PO-2405', projectId: 'recProject000001', poId: 'recPo00000000001', agentId: 'recAgent00000001' };
  const pages = new Map([['page-1', page]]);
  const comment = (id: string, author: string) => ({ id, pageId: 'page-1', author, text: 'Can the carton marks say "FRAGILE"?', createdTime: '2027-03-01T08:00:00.000Z' });

  it('imports a new comment once, with an alert for the agent, and skips known ones and staff replies', () => {
    const result = importComments(
      [comment('c-new', 'Jennifer Walsh'), comment('c-new', 'Jennifer Walsh'), comment('c-known', 'Jennifer Walsh'), comment('c-staff', 'Zhang Wei')],
      pages,
      new Set(['c-known']),
      new Set(['Zhang Wei']),
      '2027-03-01T09:00:00.000Z',
    );
    expect(result.comments).toEqual([
      expect.objectContaining({ 'Notion comment ID': 'c-new', Author: 'Jennifer Walsh', PO: ['recPo00000000001'], Project: ['recProject000001'], Status: 'New' }),
    ]);
    expect(result.alerts).toEqual([
      expect.objectContaining({ Key: 'client-comment:c-new', Rule: 'client-comment', Owner: ['recAgent00000001'], Status: 'Open', PO: ['recPo00000000001'] }),
    ]);
  });
});
