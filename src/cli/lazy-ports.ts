/**
 * Ports whose adapter (and SDK) is imported when a job first calls them. Every command and every deployed
 * function builds the same runtime, but most use one or two services: a checks run should not pay at start-up for
 * the Notion, Drive, Gmail and SMTP packages (cold start is a goal of the functions).
 */
import type { Config } from '../config/config.ts';
import type { RequestCounter } from '../lib/request-counter.ts';
import { scaledRetry } from '../lib/retry.ts';
import type { DrivePort } from '../ports/drive.ts';
import type { MailPort } from '../ports/mail.ts';
import type { NotionPortalPort } from '../ports/notion.ts';

/** Loads once, on first use; a failed load is tried again on the next use. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
}

export function lazyNotionPort(config: Config, counter: RequestCounter, workspaceUrl?: string): NotionPortalPort {
  const port = once(async () => (await import('./notion-port.ts')).createNotionPort(config, counter, workspaceUrl));
  return {
    ensureRootPage: async (title) => (await port()).ensureRootPage(title),
    listPortalPages: async (rootPageId) => (await port()).listPortalPages(rootPageId),
    ensurePortal: async (input) => (await port()).ensurePortal(input),
    listPages: async (dataSourceId, names) => (await port()).listPages(dataSourceId, names),
    integrationUserId: async () => (await port()).integrationUserId(),
    removeProperties: async (dataSourceId, names) => (await port()).removeProperties(dataSourceId, names),
    findPage: async (pageId, names) => (await port()).findPage(pageId, names),
    restorePage: async (pageId) => (await port()).restorePage(pageId),
    createPage: async (dataSourceId, page) => (await port()).createPage(dataSourceId, page),
    updatePage: async (pageId, change) => (await port()).updatePage(pageId, change),
    archivePage: async (pageId) => (await port()).archivePage(pageId),
    listComments: async (pageId) => (await port()).listComments(pageId),
    prependSection: async (pageId, section) => (await port()).prependSection(pageId, section),
  };
}

export function lazyDrivePort(config: Config, counter: RequestCounter, workspaceUrl?: string): DrivePort {
  const port = once(async () => {
    const { createDriveAdapter } = await import('../adapters/drive/index.ts');
    if (config.mode === 'local' && workspaceUrl) {
      const speed = config.workspace.speed;
      return createDriveAdapter({ auth: { accessToken: config.workspace.token }, rootUrl: `${workspaceUrl}/`, counter, speed, retry: scaledRetry(speed) });
    }
    return createDriveAdapter({
      auth: config.drive.accessToken ? { accessToken: config.drive.accessToken } : { applicationDefault: true },
      ...(config.drive.rootUrl ? { rootUrl: config.drive.rootUrl } : {}),
      counter,
    });
  });
  return {
    ensureFolder: async (spec) => (await port()).ensureFolder(spec),
    share: async (folder, grants) => (await port()).share(folder, grants),
    reconcileSharing: async (folder, wanted) => (await port()).reconcileSharing(folder, wanted),
    putDocument: async (spec) => (await port()).putDocument(spec),
    putFile: async (spec) => (await port()).putFile(spec),
  };
}

export function lazyMailPort(config: Config, counter: RequestCounter, workspaceUrl?: string): MailPort {
  const port = once(async () => (await import('./mail-port.ts')).createMailPort(config, counter, workspaceUrl));
  const transport = config.mail.transport;
  return {
    transport,
    // Only the Gmail API has a sent mailbox to ask (see mail-port.ts); SMTP cannot confirm an earlier send.
    canSearchSent: transport === 'gmail',
    sendMail: async (mail) => (await port()).sendMail(mail),
    findSentByMessageId: async (messageId) => (await port()).findSentByMessageId(messageId),
  };
}
