/**
 * The few Airtable cells the documents jobs own besides the Documents rows: the folder links on Clients, Projects
 * and the Agency row ("Drive folder", "Drive root folder"), written only when they differ, so a run that finds
 * everything in place writes nothing.
 */
import type { PoBaseCore } from '../../domain/snapshot/po-base.ts';
import type { AirtableRecordsPort } from '../../ports/airtable.ts';

export interface FolderLinks {
  /** Client or project record ID → folder link. */
  links: ReadonlyMap<string, string>;
  /** The agency root's link when the job found or created it in My Drive. */
  rootLink?: string | undefined;
}

/** Writes changed folder links; answers how many rows were written. */
export async function writeFolderLinks(records: AirtableRecordsPort, base: PoBaseCore, folders: FolderLinks): Promise<number> {
  const clients = base.clients
    .filter((c) => folders.links.has(c.id) && c.driveFolder !== folders.links.get(c.id))
    .map((c) => ({ id: c.id, fields: { 'Drive folder': folders.links.get(c.id) } }));
  const projects = base.projects
    .filter((p) => folders.links.has(p.id) && p.driveFolder !== folders.links.get(p.id))
    .map((p) => ({ id: p.id, fields: { 'Drive folder': folders.links.get(p.id) } }));
  const agency = base.agency[0];
  const agencyRows = agency && folders.rootLink && agency.driveRootFolder !== folders.rootLink
    ? [{ id: agency.id, fields: { 'Drive root folder': folders.rootLink } }]
    : [];
  if (clients.length > 0) await records.update('Clients', clients);
  if (projects.length > 0) await records.update('Projects', projects);
  if (agencyRows.length > 0) await records.update('Agency', agencyRows);
  return clients.length + projects.length + agencyRows.length;
}
