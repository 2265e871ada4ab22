/**
 * What the webhooks have reported since the last sync run, kept in the state store between the ping and the run:
 * Airtable said "something changed" (the run reads the payloads), and the Notion pages that got a client comment
 * or a property edit by a person. A run takes the set and clears it; a webhook landing mid-run is kept for the next.
 */
import { STATE_KEYS, type SyncStatePort } from '../../ports/sync-state.ts';

export interface PendingChanges {
  airtable: boolean;
  /** Pages named by comment.created events: their comments are read. */
  commentPages: string[];
  /** Pages whose properties a person changed (page.properties_updated): their Client approval is read. */
  propertyPages: string[];
}

export const NO_CHANGES: PendingChanges = { airtable: false, commentPages: [], propertyPages: [] };

export function addPending(state: SyncStatePort, add: Partial<PendingChanges>): Promise<PendingChanges> {
  return state.update<PendingChanges>(STATE_KEYS.pending, (current) => {
    const base = current ?? NO_CHANGES;
    return {
      airtable: base.airtable || add.airtable === true,
      commentPages: [...new Set([...base.commentPages, ...(add.commentPages ?? [])])],
      propertyPages: [...new Set([...base.propertyPages, ...(add.propertyPages ?? [])])],
    };
  });
}

/** Takes everything pending and leaves the set empty. */
export async function takePending(state: SyncStatePort): Promise<PendingChanges> {
  let taken: PendingChanges = NO_CHANGES;
  await state.update<PendingChanges>(STATE_KEYS.pending, (current) => {
    taken = current ?? NO_CHANGES;
    return NO_CHANGES;
  });
  return taken;
}

/** Puts back what a failed run took, so the next run does it. */
export async function restorePending(state: SyncStatePort, changes: PendingChanges): Promise<void> {
  await addPending(state, changes);
}

export function hasChanges(changes: PendingChanges): boolean {
  return changes.airtable || changes.commentPages.length > 0 || changes.propertyPages.length > 0;
}
