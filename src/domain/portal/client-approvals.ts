/**
 * What a client's "Client approval" on a PO page means for the agency. "Changes requested" raises a Critical alert
 * for the project's agent (mailed at once by the reminders job, grouped with the other criticals); "Approved" is
 * recorded on the PO (the Client approval field) and as an Info alert, so it shows in the agent's next digest.
 * Each is raised once: the alert is keyed by rule, PO and the day of the change, and written (an upsert on Key)
 * before the approval lands on the PO, so a run that stops in between raises the same alert again, not a twin.
 */
import { alerts } from '../models/alert.ts';

export const CHANGES_REQUESTED_RULE = 'client-changes-requested';
export const APPROVED_RULE = 'client-approved';

export interface ApprovalChange {
  poId: string;
  poNumber: string;
  projectId?: string | undefined;
  agentId?: string | undefined;
  client: string;
  /** What the PO row holds now. */
  before: string | null;
  /** What the client chose on the page. */
  after: string | null;
}

export function approvalAlerts(changes: readonly ApprovalChange[], now: string): Record<string, unknown>[] {
  const al = alerts.fields;
  const day = now.slice(0, 10);
  const out: Record<string, unknown>[] = [];
  for (const change of changes) {
    if (change.after === change.before) continue;
    const requested = change.after === 'Changes requested';
    if (!requested && change.after !== 'Approved') continue;
    const rule = requested ? CHANGES_REQUESTED_RULE : APPROVED_RULE;
    out.push({
      [al.key]: `${rule}:${change.poId}:${day}`,
      [al.rule]: rule,
      [al.severity]: requested ? 'Critical' : 'Info',
      [al.po]: [change.poId],
      ...(change.projectId ? { [al.project]: [change.projectId] } : {}),
      [al.message]: requested
        ? `${change.client} asked for changes on ${change.poNumber} (Client approval on their portal): read their comments on the PO page and answer today`
        : `${change.client} approved ${change.poNumber} on their portal`,
      ...(change.agentId ? { [al.owner]: [change.agentId] } : {}),
      [al.firstSeen]: now,
      [al.lastSeen]: now,
      [al.status]: 'Open',
    });
  }
  return out;
}
