/**
 * Builds what commands need from the config: in local mode, the local workspace (reused when one already
 * answers on the configured port, started in-process otherwise); in cloud mode, the real services' URLs.
 * The adapters are the same in both modes; only URLs and credentials differ.
 */
import { createAirtableAdapters, type AirtableAdapters } from '../adapters/airtable/index.ts';
import type { Config } from '../config/config.ts';
import { RequestCounter } from '../lib/request-counter.ts';
import type { RunningWorkspace } from '../local/server.ts';
import type { DrivePort } from '../ports/drive.ts';
import type { MailPort } from '../ports/mail.ts';
import type { NotionPortalPort } from '../ports/notion.ts';
import type { SyncStatePort } from '../ports/sync-state.ts';
import type { StateStore } from '../ports/state-store.ts';
import { newHolderId } from '../lib/leases.ts';
import { scaledRetry } from '../lib/retry.ts';
import { syncStateOver } from '../lib/sync-state-over-store.ts';
import { Clock } from './clock.ts';
import { lazyDrivePort, lazyMailPort, lazyNotionPort } from './lazy-ports.ts';
import { lazyStateStore } from './state-port.ts';

/** The local workspace's Airtable "workspace" ID (the Meta API requires one to create a base). */
export const LOCAL_AIRTABLE_WORKSPACE_ID = 'wspLocal000000000';

export interface Runtime {
  config: Config;
  counter: RequestCounter;
  /** The process's one clock (--now / SOURCING_NOW, or the real time); `now` is what every job gets. */
  clock: Clock;
  now: () => Date;
  airtable: AirtableAdapters;
  /** Reminder emails: Gmail API (local workspace or real) or SMTP, as configured. */
  mail: MailPort;
  /** Client portals: the local workspace's Notion API or the real one. */
  notion: NotionPortalPort;
  /** Documents folders and files: the local workspace's Drive API, or Google Drive. */
  drive: DrivePort;
  /** Where the local workspace answers, when in local mode. */
  workspaceUrl?: string;
  /** Set when this process started the workspace (and must stop it). */
  workspace?: RunningWorkspace;
  airtableTarget: { baseId?: string; baseName: string; workspaceId: string };
  /** Durable state shared by every run of this deployment: leases (one run per base and job), cursors. */
  state: StateStore;
  /** Who this run is when it holds a lease (host, process, a random part). */
  holder: string;
  /** The event-driven sync's view of `state` (issue 13): webhook secrets and cursor, pending changes, base snapshot. */
  syncState: SyncStatePort;
  close(): Promise<void>;
}

let progress: ((counter: RequestCounter) => void) | undefined;

/** Every runtime created from now on reports its requests to `report` (the CLI's progress line). */
export function reportProgressTo(report: ((counter: RequestCounter) => void) | undefined): void {
  progress = report;
}

export interface RuntimeOptions {
  /** Start the workspace on exactly this port (npm start, `sourcing workspace`) instead of reusing or port 0. */
  servePort?: number;
  /** The clock to share (the viewer's "next week" moves the one `start` made); by default one from config.now. */
  clock?: Clock;
}

export async function createRuntime(config: Config, options: RuntimeOptions = {}): Promise<Runtime> {
  const counter = new RequestCounter();
  counter.onChange = progress;
  const clock = options.clock ?? new Clock(config.now);
  const now = () => clock.now();
  const holder = newHolderId();
  if (config.mode === 'cloud') {
    const token = config.airtable.token ?? '';
    const state = lazyStateStore(config, counter);
    return {
      config,
      counter,
      clock,
      now,
      airtable: createAirtableAdapters({ endpointUrl: config.airtable.endpointUrl, apiKey: token, counter }),
      mail: lazyMailPort(config, counter),
      notion: lazyNotionPort(config, counter),
      drive: lazyDrivePort(config, counter),
      airtableTarget: {
        baseId: config.airtable.baseId,
        baseName: config.airtable.baseName,
        workspaceId: config.airtable.workspaceId ?? '',
      },
      state,
      holder,
      syncState: syncStateOver(state),
      close: async () => {
        await state.close();
      },
    };
  }

  let workspace: RunningWorkspace | undefined;
  let url: string;
  let speed = config.workspace.speed;
  const reused = options.servePort === undefined ? await findRunningWorkspace(config) : undefined;
  if (reused) {
    url = reused.url;
    speed = reused.speed;
  } else {
    // Imported here only: in cloud mode, or with a workspace already running, the emulator is not loaded.
    const { startWorkspace } = await import('../local/server.ts');
    workspace = await startWorkspace({
      port: options.servePort ?? 0,
      dir: config.workspace.dir,
      token: config.workspace.token,
      speed: config.workspace.speed,
    });
    url = workspace.url;
  }
  const state = lazyStateStore(config, counter, url);
  return {
    config,
    counter,
    clock,
    now,
    airtable: createAirtableAdapters({
      endpointUrl: url,
      apiKey: config.workspace.token,
      counter,
      requestsPerSecond: 4.5 * speed,
      penaltyMs: 30_000 / speed,
      retry: scaledRetry(speed),
    }),
    mail: lazyMailPort(config, counter, url),
    // Notion paces itself by the workspace's speed too (the one found running, when reused).
    notion: lazyNotionPort({ ...config, workspace: { ...config.workspace, speed } }, counter, url),
    drive: lazyDrivePort(config, counter, url),
    workspaceUrl: url,
    workspace,
    airtableTarget: { baseName: config.airtable.baseName, workspaceId: LOCAL_AIRTABLE_WORKSPACE_ID },
    state,
    holder,
    syncState: syncStateOver(state),
    close: async () => {
      await state.close();
      await workspace?.close();
    },
  };
}

/** Something answers on WORKSPACE_PORT but will not serve this command: said, never replaced by a second workspace. */
export class WorkspaceUnusableError extends Error {
  constructor(
    message: string,
    /** 2 when a setting is wrong (the token), 3 when the workspace could not be used (slow, not a workspace). */
    readonly exitCode: 2 | 3,
  ) {
    super(message);
  }
}

const ANSWER_WITHIN_MS = 3000;

/**
 * A workspace already serving on the configured port (e.g. `npm start` in another terminal), with the speed its
 * rate limits run at: the adapters must pace themselves by that workspace's limits, not by this process's config.
 * Undefined when nothing listens there. A workspace that refuses the token, answers too slowly or is not a
 * workspace is an error: starting a second workspace on the same data folder would hide the person's mistake and
 * show them other data than the viewer they are looking at.
 */
export async function findRunningWorkspace(config: Config): Promise<{ url: string; speed: number } | undefined> {
  const url = `http://127.0.0.1:${config.workspace.port}`;
  if (config.workspace.port === 0) return undefined;
  let response: Response;
  try {
    response = await fetch(`${url}/__workspace/settings`, {
      headers: { authorization: `Bearer ${config.workspace.token}` },
      signal: AbortSignal.timeout(ANSWER_WITHIN_MS),
    });
  } catch (error) {
    // Nothing listening (refused, or a port fetch will not use): start one. Only a silent listener is an error.
    if ((error as Error).name !== 'TimeoutError') return undefined;
    throw new WorkspaceUnusableError(
      `The local workspace on port ${config.workspace.port} did not answer within ${ANSWER_WITHIN_MS / 1000} s. Is it stuck? ` +
        `Stop it (Ctrl-C in its terminal) and try again, or set WORKSPACE_PORT to another port.`,
      3,
    );
  }
  if (response.status === 401) {
    throw new WorkspaceUnusableError(
      `The local workspace running on port ${config.workspace.port} refused the token in WORKSPACE_TOKEN. ` +
        `Use the token it was started with (default "local"), or set WORKSPACE_PORT to another port to start a separate workspace.`,
      2,
    );
  }
  if (!response.ok) {
    throw new WorkspaceUnusableError(
      `Port ${config.workspace.port} answers, but not as a local workspace (HTTP ${response.status} for /__workspace/settings). Set WORKSPACE_PORT to a free port.`,
      2,
    );
  }
  const settings = (await response.json()) as { speed?: unknown };
  return { url, speed: typeof settings.speed === 'number' && settings.speed > 0 ? settings.speed : 1 };
}
