import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commentBucket } from '../../../src/jobs/sync-portals.ts';
import { isWrite, pageOfRecord, prop, startPortalKit, type PortalKit } from './portal-kit.ts';

describe('sync-portals: what clients do in Notion comes back to Airtable', () => {
  let kit: PortalKit;

  beforeEach(async () => {
    kit = await startPortalKit();
    expect((await kit.sync()).problems).toEqual([]);
  }, 60_000);
  afterEach(async () => {
    await kit.ws.close();
  });

  it('a client comment lands once in Client Comments and raises one alert for the agent', async () => {
    const page = await pageOfRecord(kit, 'Purchase Orders', 'PO number', 'PO-2405');
    const comment = await kit.sdk.comments.create({
      parent: { page_id: page.id },
      rich_text: [{ text: { content: 'Can you add "FRAGILE" to the carton marks? Our DC asked for it.' } }],
      display_name: { type: 'custom', custom: { name: 'Jennifer Walsh' } },
    });
    const commentsBefore = (await kit.records.list('Client Comments')).length;
    const alertsBefore = (await kit.records.list('Alerts')).length;

    const report = await kit.sync();

    expect(report.details.comments.imported).toBe(1);
    const rows = await kit.records.list('Client Comments', { matchAny: [{ field: 'Notion comment ID', equals: comment.id }] });
    expect(rows).toHaveLength(1);
    const poId = await kit.idOf('Purchase Orders', 'PO number', 'PO-2405');
    const projectId = await kit.idOf('Projects', 'Project', 'Harborline · 1.7 L cordless kettle');
    expect(rows[0]?.fields).toMatchObject({
      Author: 'Jennifer Walsh',
      PO: [poId],
      Project: [projectId],
      Status: 'New',
      Text: 'Can you add "FRAGILE" to the carton marks? Our DC asked for it.',
    });
    const alerts = await kit.records.list('Alerts', { matchAny: [{ field: 'Key', equals: `client-comment:${comment.id}` }] });
    expect(alerts).toHaveLength(1);
    const project = (await kit.records.list('Projects', { matchAny: [{ field: 'Project', equals: 'Harborline · 1.7 L cordless kettle' }] }))[0];
    expect(alerts[0]?.fields).toMatchObject({ Rule: 'client-comment', Status: 'Open', PO: [poId], Owner: project?.fields['Agent'] });

    const seq = await kit.lastSeq();
    const again = await kit.sync();
    expect(again.details.comments.imported).toBe(0);
    expect((await kit.requestsSince(seq)).filter(isWrite)).toEqual([]);
    expect((await kit.records.list('Client Comments')).length).toBe(commentsBefore + 1);
    expect((await kit.records.list('Alerts')).length).toBe(alertsBefore + 1);
  });

  it('comments can be read in turns: a page\'s comment arrives in the run whose turn covers that page', async () => {
    const page = await pageOfRecord(kit, 'Purchase Orders', 'PO number', 'PO-2408');
    await kit.sdk.comments.create({ parent: { page_id: page.id }, rich_text: [{ text: { content: 'Photos of the PSI please.' } }] });
    const mine = commentBucket(page.id, 3);
    const other = await kit.sync({ commentTurn: { turn: mine + 1, of: 3 } });
    expect(other.details.comments.imported).toBe(0);
    const covered = await kit.sync({ commentTurn: { turn: mine, of: 3 } });
    expect(covered.details.comments.imported).toBe(1);
    const all = await kit.sync();
    expect(all.details.comments.imported).toBe(0);
    expect(other.details.comments.pagesRead).toBeLessThan(all.details.comments.pagesRead);
    expect(other.details.comments.pagesRead + covered.details.comments.pagesRead).toBeLessThanOrEqual(all.details.comments.pagesRead);
  });

  it('a reply by agency staff in Notion is not taken for a client comment', async () => {
    const page = await pageOfRecord(kit, 'Projects', 'Project', 'Saltbush · Trail packs');
    await kit.sdk.comments.create({
      parent: { page_id: page.id },
      rich_text: [{ text: { content: 'Re-inspection booked for Thursday.' } }],
      display_name: { type: 'custom', custom: { name: 'Zhang Wei' } },
    });
    expect((await kit.sync()).details.comments.imported).toBe(0);
  });

  it('the client\'s approval lands on the PO, and later agency changes never overwrite it on Notion', async () => {
    const page = await pageOfRecord(kit, 'Purchase Orders', 'PO number', 'PO-2404');
    await kit.sdk.pages.update({ page_id: page.id, properties: { 'Client approval': { select: { name: 'Approved' } } } });

    const report = await kit.sync();

    expect(report.details.approvalsLanded).toBe(1);
    const [po] = await kit.records.list('Purchase Orders', { matchAny: [{ field: 'PO number', equals: 'PO-2404' }] });
    expect(po?.fields['Client approval']).toBe('Approved');
    expect((await kit.sync()).details.writes).toEqual({ airtable: 0, notion: 0 });

    await kit.records.update('Purchase Orders', [{ id: po?.id ?? '', fields: { 'Ship-by date': '2027-06-30' } }]);
    await kit.sync();
    const after = await pageOfRecord(kit, 'Purchase Orders', 'PO number', 'PO-2404');
    expect(prop(after, 'Ship-by')).toBe('2027-06-30');
    expect(prop(after, 'Client approval')).toBe('Approved');

    await kit.sdk.pages.update({ page_id: page.id, properties: { 'Client approval': { select: { name: 'Changes requested' } } } });
    await kit.sync();
    const [changed] = await kit.records.list('Purchase Orders', { matchAny: [{ field: 'PO number', equals: 'PO-2404' }] });
    expect(changed?.fields['Client approval']).toBe('Changes requested');
  });
});
