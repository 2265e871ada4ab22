/**
 * Which open critical alerts go to which chat channel in this run: each channel gets, in one message, the criticals
 * of its people (a channel with no people gets every critical; an alert with no owner goes to every channel, so
 * somebody sees it) that it has not had before. "Had before" is the Outbox: rows of kind Chat for that channel that
 * were sent, are being sent, or may have gone out (Unconfirmed). A refused post (Cancelled) leaves its alerts due.
 * A group chat buzzes phones: a channel's message waits until one of its people is inside their working hours.
 */
import { createHash } from 'node:crypto';
import type { Alert } from '../models/alert.ts';
import type { ChatChannel } from '../models/chat-channel.ts';

export interface ChatIntent {
  channel: ChatChannel;
  alerts: Alert[];
  /** Outbox key: the channel and the exact set of alerts, so a retried run finds its own row. */
  key: string;
}

export interface PlanChatInput {
  channels: readonly ChatChannel[];
  alerts: readonly Alert[];
  /** Alert record IDs per channel record ID that already went (or may have gone) there. */
  alreadyPosted: ReadonlyMap<string, ReadonlySet<string>>;
  /** How a message lists its alerts: by what they are about (PO number), then by rule. */
  subjectOf: (alert: Alert) => string;
  /** Whether one of the channel's people is at work now (true for a channel of everybody). */
  atWork: (channel: ChatChannel) => boolean;
}

export interface ChatPlan {
  due: ChatIntent[];
  /** Channels with new criticals whose people are all outside their working hours. */
  waiting: string[];
}

export function planChat(input: PlanChatInput): ChatPlan {
  const criticals = input.alerts.filter((a) => a.severity === 'Critical' && a.status === 'Open');
  const plan: ChatPlan = { due: [], waiting: [] };
  for (const channel of input.channels) {
    if (!channel.enabled) continue;
    const people = new Set(channel.people);
    const posted = input.alreadyPosted.get(channel.id) ?? new Set<string>();
    const mine = criticals
      .filter((a) => !posted.has(a.id))
      .filter((a) => people.size === 0 || a.owner === undefined || people.has(a.owner))
      .sort((a, b) => input.subjectOf(a).localeCompare(input.subjectOf(b)) || a.rule.localeCompare(b.rule));
    if (mine.length === 0) continue;
    if (!input.atWork(channel)) plan.waiting.push(channel.name);
    else plan.due.push({ channel, alerts: mine, key: chatKey(channel.id, mine.map((a) => a.id)) });
  }
  return plan;
}

export function chatKey(channelId: string, alertIds: readonly string[]): string {
  const digest = createHash('sha256').update([...alertIds].sort().join(',')).digest('hex').slice(0, 16);
  return `chat:${channelId}:${digest}`;
}
