/**
 * Resolves the Drive folders of one run: the agency root, then client / project / section (/ PO) folders created
 * on demand, each looked up once per run and its sharing reconciled as it is found: the client folder with the
 * client's portal emails (reader), the project folder with the project's agent (writer). Sub-folders inherit both.
 * Reconciled both ways: an address removed from "Portal emails" loses the access this job gave it; grants made by
 * hand are never touched (drive-adapter reconcileSharing).
 */
import { AGENCY_ROOT_KEY, folderIdFrom, folderSteps, type FolderTarget } from '../../domain/drive-layout/document-places.ts';
import type { AgencyRecord } from '../../domain/models/agency.ts';
import type { DriveFolder, DriveGrant, DrivePort } from '../../ports/drive.ts';

export interface RootFolder {
  id: string;
  /** Set when the job created or found the root itself, so the Agency row can remember it. */
  link?: string | undefined;
}

/** The configured root (environment), else the Agency row's "Drive root folder", else a folder the job keeps in My Drive. */
export async function resolveRoot(drive: DrivePort, configured: string | undefined, agency: AgencyRecord | undefined): Promise<RootFolder> {
  const id = folderIdFrom(configured) ?? folderIdFrom(agency?.driveRootFolder);
  if (id) return { id };
  const folder = await drive.ensureFolder({ parentId: 'root', name: agency?.name ?? 'Sourcing workspace', key: AGENCY_ROOT_KEY });
  return { id: folder.id, link: folder.link };
}

export interface FolderAccess {
  /** The client's portal emails: readers of the client folder. */
  clientReaders: readonly string[];
  /** The project's agent: writer of the project folder. */
  projectWriters: readonly string[];
}

export interface ResolvedFolders {
  folder: DriveFolder;
  client: DriveFolder;
  project: DriveFolder;
}

export class DriveFolders {
  private readonly cache = new Map<string, Promise<DriveFolder>>();
  private readonly reconciled = new Set<string>();
  private rootPromise: Promise<RootFolder> | undefined;
  /** Permissions created in this run. */
  granted = 0;
  /** Permissions this job had made and removed in this run (no longer wanted). */
  revoked = 0;
  /** Record ID → link of every client and project folder resolved in this run (written back to Airtable). */
  readonly links = new Map<string, string>();

  constructor(
    private readonly drive: DrivePort,
    private readonly findRoot: () => Promise<RootFolder>,
  ) {}

  /** The agency root, looked up at most once per run and only when a document needs a folder. */
  root(): Promise<RootFolder> {
    if (!this.rootPromise) {
      const pending = this.findRoot();
      this.rootPromise = pending;
      // A failed lookup is not remembered (one transient error must not fail every pack of the run).
      pending.catch(() => {
        if (this.rootPromise === pending) this.rootPromise = undefined;
      });
    }
    return this.rootPromise;
  }

  async resolve(target: FolderTarget, access: FolderAccess): Promise<ResolvedFolders> {
    const steps = folderSteps(target);
    const chain: DriveFolder[] = [];
    let parentId = (await this.root()).id;
    for (const step of steps) {
      const cacheKey = JSON.stringify(Object.entries(step.key).sort());
      let pending = this.cache.get(cacheKey);
      if (!pending) {
        pending = this.drive.ensureFolder({ parentId, name: step.name, key: step.key });
        this.cache.set(cacheKey, pending);
        // A failed lookup is not remembered: the next document tries again.
        pending.catch(() => this.cache.delete(cacheKey));
      }
      const folder = await pending;
      chain.push(folder);
      parentId = folder.id;
    }
    const [client, project] = target.agencyOnly ? chain.slice(1) : chain;
    const folder = chain.at(-1);
    if (!client || !project || !folder) throw new Error('folder chain is shorter than client / project');
    if (!target.agencyOnly) {
      this.links.set(target.client.id, client.link);
      this.links.set(target.project.id, project.link);
    }
    // An agency-only tree is never shared with the client; the agent still works in it.
    await this.reconcileOnce(client, target.agencyOnly ? [] : access.clientReaders.map((email) => ({ email, role: 'reader' as const })));
    await this.reconcileOnce(project, access.projectWriters.map((email) => ({ email, role: 'writer' as const })));
    return { folder, client, project };
  }

  /** Once per folder and run: the folder's grants made by this job become exactly `grants`. */
  private async reconcileOnce(folder: DriveFolder, grants: DriveGrant[]): Promise<void> {
    if (this.reconciled.has(folder.id)) return;
    this.reconciled.add(folder.id);
    const result = await this.drive.reconcileSharing(folder, grants);
    this.granted += result.granted.length;
    this.revoked += result.revoked.length;
  }
}
