/**
 * Updates marked "Visible to client" are free text typed by staff, and the one place where a hidden factory can
 * reach a client by accident ("Huamei finished the motors"). Before an update goes to a client's portal or weekly
 * mail, its title, text and photo file names are checked against what that client may not read about the PO's
 * factory; an update that mentions any of it is withheld and said on its own row, never reworded silently.
 */
import { leaksIn, supplierAsSeenByClient, type ConfidentialityPolicy } from './policy.ts';
import { tradeNameOf } from './trade-name.ts';

interface UpdateText {
  id: string;
  po: string;
  update: string;
  text?: string | undefined;
  photos: readonly { filename: string }[];
  visibleToClient: boolean;
}

export interface WithheldUpdate {
  id: string;
  /** The update's primary value, how staff name it. */
  label: string;
  leaks: string[];
}

/** What text typed for this client about this factory must not contain: the policy's hidden texts and, when the
 * factory's name is hidden, its trade name. */
export function hiddenInFreeText(policy: ConfidentialityPolicy, clientId: string | undefined, supplierId: string | undefined): string[] {
  const seen = supplierAsSeenByClient(policy, clientId, supplierId);
  const supplier = supplierId ? policy.suppliers.get(supplierId) : undefined;
  if (seen.named || !supplier) return seen.hidden;
  const trade = tradeNameOf(supplier.name, `${supplier.city ?? ''} ${supplier.address ?? ''}`);
  return trade && !seen.hidden.includes(trade) ? [...seen.hidden, trade] : seen.hidden;
}

/** The client-visible updates that mention something hidden from this client (`hiddenOfPo` per PO). */
export function withheldUpdates(updates: readonly UpdateText[], hiddenOfPo: (poId: string) => readonly string[]): WithheldUpdate[] {
  const out: WithheldUpdate[] = [];
  for (const u of updates) {
    if (!u.visibleToClient) continue;
    const hidden = hiddenOfPo(u.po);
    if (hidden.length === 0) continue;
    const leaks = leaksIn([u.update, u.text ?? '', ...u.photos.map((p) => p.filename.replace(/[_.-]+/g, ' '))].join('\n'), hidden);
    if (leaks.length > 0) out.push({ id: u.id, label: u.update, leaks });
  }
  return out;
}

/** The line on the update's "Sync issues" (agency-only) saying why the client does not see it. */
export function withheldUpdateMessage(clientName: string, leaks: readonly string[]): string {
  return `is not shown to ${clientName} (portal and weekly update): it mentions ${leaks.map((l) => `"${l}"`).join(', ')}, which the Disclosures table hides from ${clientName}; reword it or untick "Visible to client"`;
}
