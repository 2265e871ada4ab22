import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { blockText, blockTree, pageOfRecord, portalsUnder, prop, rowsOf, startPortalKit, type PortalKit } from './portal-kit.ts';

describe('sync-portals: bad rows and separate clients', () => {
  let kit: PortalKit;

  beforeEach(async () => {
    kit = await startPortalKit();
    expect((await kit.sync()).problems).toEqual([]);
  }, 60_000);
  afterEach(async () => {
    await kit.ws.close();
  });

  it('a malformed row is reported on its own Sync issues and in the report; every other row syncs; fixed, it is cleared', async () => {
    const bad = await kit.idOf('Purchase Orders', 'PO number', 'PO-2405');
    const otherProject = await kit.idOf('Projects', 'Project', 'Harborline · LED desk lamp');
    const [row] = await kit.records.list('Purchase Orders', { matchAny: [{ field: 'PO number', equals: 'PO-2405' }] });
    const project = row?.fields['Project'] as string[];
    const pageBefore = await pageOfRecord(kit, 'Purchase Orders', 'PO number', 'PO-2405');
    const good = await kit.idOf('Purchase Orders', 'PO number', 'PO-2404');
    await kit.records.update('Purchase Orders', [
      { id: bad, fields: { Project: [...project, otherProject], 'Ship-by date': '2027-07-01' } },
      { id: good, fields: { 'Ship-by date': '2027-07-02' } },
    ]);

    const report = await kit.sync();

    expect(report.ok).toBe(false);
    // People read the PO number, not the record ID.
    expect(report.problems).toContain('Purchase Orders PO-2405: "Project" links 2 records, expected one');
    const [badRow] = await kit.records.list('Purchase Orders', { matchAny: [{ field: 'PO number', equals: 'PO-2405' }] });
    expect(badRow?.fields['Sync issues']).toBe('Portal sync: "Project" links 2 records, expected one');
    // Its page is left as it was (not archived, not rewritten); the good PO synced.
    const pageAfter = await pageOfRecord(kit, 'Purchase Orders', 'PO number', 'PO-2405');
    expect(pageAfter.in_trash).toBe(false);
    expect(prop(pageAfter, 'Ship-by')).toBe(prop(pageBefore, 'Ship-by'));
    expect(prop(await pageOfRecord(kit, 'Purchase Orders', 'PO number', 'PO-2404'), 'Ship-by')).toBe('2027-07-02');

    await kit.records.update('Purchase Orders', [{ id: bad, fields: { Project: project } }]);
    const fixed = await kit.sync();
    expect(fixed.problems).toEqual([]);
    const [fixedRow] = await kit.records.list('Purchase Orders', { matchAny: [{ field: 'PO number', equals: 'PO-2405' }] });
    expect(fixedRow?.fields['Sync issues']).toBeUndefined();
    expect(prop(await pageOfRecord(kit, 'Purchase Orders', 'PO number', 'PO-2405'), 'Ship-by')).toBe('2027-07-01');
  });

  it('a project with a problem holds its POs too, saying why on their rows', async () => {
    const project = await kit.idOf('Projects', 'Project', 'Saltbush · Trail packs');
    await kit.records.update('Projects', [{ id: project, fields: { Phase: null } }]);
    const report = await kit.sync();
    expect(report.problems).toContain('Projects Saltbush · Trail packs: "Phase" is missing');
    const [po] = await kit.records.list('Purchase Orders', { matchAny: [{ field: 'PO number', equals: 'PO-2407' }] });
    expect(po?.fields['Sync issues']).toBe("Portal sync: is not synced: its project has sync issues (see the project's row)");
    expect((await pageOfRecord(kit, 'Purchase Orders', 'PO number', 'PO-2407')).in_trash).toBe(false);
  });

  it('adds its line after another job\'s lines, read again just before the write, and takes only its own line away', async () => {
    const project = await kit.idOf('Projects', 'Project', 'Saltbush · Trail packs');
    const po = await kit.idOf('Purchase Orders', 'PO number', 'PO-2407');
    const documents = 'Documents: Contract: "Payment terms" is empty';
    await kit.records.update('Purchase Orders', [{ id: po, fields: { 'Sync issues': documents } }]);
    await kit.records.update('Projects', [{ id: project, fields: { Phase: null } }]);
    await kit.sync();
    const [held] = await kit.records.list('Purchase Orders', { recordIds: [po] });
    expect(held?.fields['Sync issues']).toBe(`${documents}\nPortal sync: is not synced: its project has sync issues (see the project's row)`);

    await kit.records.update('Projects', [{ id: project, fields: { Phase: 'Production' } }]);
    expect((await kit.sync()).problems).toEqual([]);
    const [fixed] = await kit.records.list('Purchase Orders', { recordIds: [po] });
    expect(fixed?.fields['Sync issues']).toBe(documents);
  });

  it('two clients never see each other\'s pages, and suppliers stay hidden unless the Disclosures table names them', async () => {
    const clients = await kit.records.list('Clients');
    const projects = await kit.records.list('Projects');
    const pos = await kit.records.list('Purchase Orders');
    const suppliers = await kit.records.list('Suppliers');
    const clientOfProject = new Map(projects.map((p) => [p.id, (p.fields['Client'] as string[])[0]]));
    const clientOfPo = new Map(pos.map((po) => [po.id, clientOfProject.get((po.fields['Project'] as string[])[0] ?? '')]));
    // Pages carry no record ID: each record's row links to its page.
    const pageKey = (url: unknown) => String(url ?? '').replace(/-/g, '').slice(-32);
    const recordOfPage = new Map([...projects, ...pos].map((r) => [pageKey(r.fields['Notion page']), r.id]));
    const disclosures = await kit.records.list('Disclosures');
    const named = (clientId: string | undefined, supplierId: string | undefined) =>
      disclosures.some((d) => (d.fields['Client'] as string[])[0] === clientId && (d.fields['Supplier'] as string[])[0] === supplierId && (d.fields['Client may see'] as string[] | undefined)?.includes('Name'));
    const clientByPortal = new Map(clients.map((c) => [`${String(c.fields['Name'])} · Sourcing portal`, c.id]));

    const portals = await portalsUnder(kit.sdk, kit.rootPageId);
    expect(portals).toHaveLength(clients.length);
    const seen = new Set<string>();
    for (const portal of portals) {
      const clientId = clientByPortal.get(portal.title);
      const otherClients = clients.filter((c) => c.id !== clientId).map((c) => String(c.fields['Name']));
      for (const row of await rowsOf(kit.sdk, portal.dataSources['Projects'] ?? '')) {
        const id = recordOfPage.get(pageKey(row.id)) ?? '';
        expect(clientOfProject.get(id)).toBe(clientId);
        expect(seen.has(id)).toBe(false);
        seen.add(id);
      }
      for (const row of await rowsOf(kit.sdk, portal.dataSources['Purchase Orders'] ?? '')) {
        const id = recordOfPage.get(pageKey(row.id)) ?? '';
        expect(clientOfPo.get(id)).toBe(clientId);
        seen.add(id);
        const po = pos.find((p) => p.id === id);
        const supplier = suppliers.find((s) => s.id === (po?.fields['Supplier'] as string[])[0]);
        const text = (await blockTree(kit.sdk, row.id)).map(blockText).join('\n') + JSON.stringify(row.properties);
        for (const name of otherClients) expect(text).not.toContain(name);
        // The Disclosures table decides, once per client and supplier ("Show supplier to client" on a PO no longer does).
        if (named(clientId, supplier?.id)) expect(prop(row, 'Supplier')).toBe(supplier?.fields['Name']);
        else expect(text).not.toContain(String(supplier?.fields['Name']));
      }
    }
    expect(seen.size).toBe(projects.length + pos.filter((p) => p.fields['Status'] !== 'Cancelled').length);
  });

  it('a project moved to another client leaves the old portal (archived) and appears in the new one', async () => {
    const project = await kit.idOf('Projects', 'Project', 'Harborline · LED desk lamp');
    const saltbush = await kit.idOf('Clients', 'Name', 'Saltbush Outdoor');
    const oldPage = await pageOfRecord(kit, 'Projects', 'Project', 'Harborline · LED desk lamp');
    await kit.records.update('Projects', [{ id: project, fields: { Client: [saltbush] } }]);
    const report = await kit.sync();
    expect(report.problems).toEqual([]);
    expect(((await kit.sdk.pages.retrieve({ page_id: oldPage.id })) as unknown as { in_trash: boolean }).in_trash).toBe(true);
    const newPage = await pageOfRecord(kit, 'Projects', 'Project', 'Harborline · LED desk lamp');
    expect(newPage.id).not.toBe(oldPage.id);
    const saltbushPortal = (await portalsUnder(kit.sdk, kit.rootPageId)).find((p) => p.title === 'Saltbush Outdoor · Sourcing portal');
    const rows = await rowsOf(kit.sdk, saltbushPortal?.dataSources['Projects'] ?? '');
    expect(rows.map((r) => r.id)).toContain(newPage.id);
  });
});
