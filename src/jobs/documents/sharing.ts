/**
 * Sharing is reconciled on every run, not only when a document is (re)generated: every client and project that
 * already has a Drive folder gets its folders looked up and their grants made to match "Portal emails" and the
 * project's agent. A buyer removed from Portal emails loses access on the next run even when nothing else changed.
 */
import type { FolderTarget } from '../../domain/drive-layout/document-places.ts';
import type { PoBaseCore } from '../../domain/snapshot/po-base.ts';
import type { DriveFolders } from './drive-folders.ts';

/** Reconciles the folders of every project whose folder exists (its "Drive folder" link is set). */
export async function reconcileAllSharing(base: PoBaseCore, folders: DriveFolders, problems: string[]): Promise<void> {
  for (const project of base.projects) {
    if (!project.driveFolder || !project.client) continue;
    const client = base.clients.find((c) => c.id === project.client);
    if (!client) continue;
    const agent = base.people.find((p) => p.id === project.agent);
    const target: FolderTarget = { client: { id: client.id, name: client.name }, project: { id: project.id, name: project.project } };
    try {
      await folders.resolve(target, { clientReaders: client.portalEmails, projectWriters: agent?.email ? [agent.email] : [] });
    } catch (error) {
      problems.push(`Sharing of "${project.project}" (${client.name}): ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
