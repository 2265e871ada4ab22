import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isWrite, pageOfRecord, portalsUnder, prop, rowsOf, startPortalKit, type PortalKit } from './portal-kit.ts';

describe('sync-portals: first sync and a resync with nothing changed', () => {
  let kit: PortalKit;
  let first: Awaited<ReturnType<PortalKit['sync']>>;

  beforeAll(async () => {
    kit = await startPortalKit();
    first = await kit.sync();
  }, 60_000);
  afterAll(async () => {
    await kit.ws.close();
  });

  it('builds one portal per client with a Projects and a Purchase Orders database', async () => {
    expect(first.problems).toEqual([]);
    const portals = await portalsUnder(kit.sdk, kit.rootPageId);
    expect(portals.map((p) => p.title).sort()).toEqual([
      'Harborline Home · Sourcing portal',
      'Küchenwerk · Sourcing portal',
      'Saltbush Outdoor · Sourcing portal',
    ]);
    for (const portal of portals) expect(Object.keys(portal.dataSources).sort()).toEqual(['Projects', 'Purchase Orders']);
  });

  it('creates a page per project and per live PO, and none for the cancelled PO', async () => {
    const portals = await portalsUnder(kit.sdk, kit.rootPageId);
    const projects = (await Promise.all(portals.map((p) => rowsOf(kit.sdk, p.dataSources['Projects'] ?? '')))).flat();
    const pos = (await Promise.all(portals.map((p) => rowsOf(kit.sdk, p.dataSources['Purchase Orders'] ?? '')))).flat();
    expect(projects).toHaveLength((await kit.records.list('Projects')).length);
    const livePos = (await kit.records.list('Purchase Orders')).filter((r) => r.fields['Status'] !== 'Cancelled');
    expect(pos.map((p) => prop(p, 'PO number')).sort()).toEqual(livePos.map((r) => String(r.fields['PO number'])).sort());
    expect(pos.map((p) => prop(p, 'PO number'))).not.toContain('PO-2399');
    expect(first.details.pages).toMatchObject({ created: projects.length + pos.length, updated: 0, archived: 0 });
  });

  it('writes each page URL back to its Airtable record and the portal URL to the client', async () => {
    const po = await pageOfRecord(kit, 'Purchase Orders', 'PO number', 'PO-2405');
    expect(prop(po, 'PO number')).toBe('PO-2405');
    // The page carries client content only: the record's ID and the sync's hash stay on the Airtable side.
    expect(Object.keys(po.properties)).not.toContain('Airtable ID');
    const [row] = await kit.records.list('Purchase Orders', { matchAny: [{ field: 'PO number', equals: 'PO-2405' }] });
    expect(row?.fields['Portal sync hash']).toMatch(/^v1 p=[0-9a-f]{12} summary=/);
    const [client] = await kit.records.list('Clients', { matchAny: [{ field: 'Name', equals: 'Harborline Home' }] });
    const portal = first.details.portals.find((p) => p.client === 'Harborline Home');
    expect(client?.fields['Notion portal']).toBe(portal?.url);
  });

  it('records whom each portal is for: the client\'s portal emails', () => {
    const harborline = first.details.portals.find((p) => p.client === 'Harborline Home');
    expect(harborline?.sharedWith).toEqual(['jennifer.walsh@example.com', 'ops@example.com']);
  });

  it('fills the PO properties of the template, the supplier shown as an alias', async () => {
    const po = await pageOfRecord(kit, 'Purchase Orders', 'PO number', 'PO-2405');
    const project = await pageOfRecord(kit, 'Projects', 'Project', 'Harborline · 1.7 L cordless kettle');
    expect(prop(po, 'Project')).toBe(project.id);
    expect(prop(po, 'Status')).toBe('In production');
    expect(prop(po, 'Supplier')).toBe('Factory NB-01');
    expect(prop(po, 'Ship-by')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Object.keys(po.properties).sort()).toEqual(['Client approval', 'Documents', 'ETA', 'Last inspection result', 'PO number', 'Project', 'Ship-by', 'Status', 'Supplier']);
    expect(prop(project, 'Health')).toMatch(/^(On track|At risk|Late)$/);
    expect(prop(project, 'Agent')).not.toBe('');
  });

  it('a second run over unchanged data only reads, about one request per table page, and writes nothing', async () => {
    const seq = await kit.lastSeq();
    const second = await kit.sync();
    expect(second.problems).toEqual([]);
    expect(second.details.writes).toEqual({ airtable: 0, notion: 0 });
    expect(second.details.pages).toMatchObject({ created: 0, updated: 0, archived: 0, unchanged: first.details.pages.created });

    const logged = await kit.requestsSince(seq);
    expect(logged.filter(isWrite)).toEqual([]);
    // Airtable: one list per table read (every table here is under 100 rows).
    expect(logged.filter((r) => r.service === 'airtable')).toHaveLength(second.details.reads.airtable);
    expect(second.details.reads.airtable).toBe(12); // with Disclosures, the confidentiality policy
    // Notion: the root's children, three reads per portal, one query per database, one comment read per live page.
    const portals = second.details.portals.length;
    expect(second.details.reads.notion).toBe(1 + 3 * portals + 2 * portals + second.details.comments.pagesRead);
  });
});
