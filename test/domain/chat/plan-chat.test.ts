import { describe, expect, it } from 'vitest';
import { chatKey, planChat } from '../../../src/domain/chat/plan-chat.ts';
import type { Alert } from '../../../src/domain/models/alert.ts';
import type { ChatChannel } from '../../../src/domain/models/chat-channel.ts';

const channel = (id: string, people: string[], extra: Partial<ChatChannel> = {}): ChatChannel => ({
  id, createdTime: '', name: `Channel ${id}`, service: 'WeCom robot', webhookSecret: id, language: '中文 + English', people, enabled: true, syncIssues: undefined, ...extra,
});
const alert = (id: string, owner: string | undefined, extra: Partial<Alert> = {}): Alert => ({
  id, createdTime: '', key: `rule:${id}`, rule: 'late-milestone', severity: 'Critical', status: 'Open', owner, message: id,
  po: undefined, milestone: undefined, inspection: undefined, shipment: undefined, supplier: undefined, project: undefined,
  firstSeen: undefined, lastSeen: undefined, snoozedUntil: undefined, escalated: false, notifiedAt: undefined, reviewInvite: undefined, ...extra,
});
const base = { subjectOf: (a: Alert) => a.id, atWork: () => true, alreadyPosted: new Map<string, Set<string>>() };

describe('which criticals go to which chat channel', () => {
  const qc = channel('chQC', ['pChen', 'pLin']);
  const all = channel('chAll', []);
  const alerts = [alert('a1', 'pChen'), alert('a2', 'pReed'), alert('a3', undefined), alert('a4', 'pLin', { severity: 'Warning' }), alert('a5', 'pLin', { status: 'Acknowledged' })];

  it.each([
    ['a team channel gets its people\'s open criticals and owner-less ones', qc, ['a1', 'a3']],
    ['a channel with no people gets every open critical', all, ['a1', 'a2', 'a3']],
  ])('%s', (_name, ch, expected) => {
    const plan = planChat({ ...base, channels: [ch], alerts });
    expect(plan.due.map((i) => i.alerts.map((a) => a.id))).toEqual([expected]);
    expect(plan.due[0]!.key).toBe(chatKey(ch.id, expected));
  });

  it('never posts an alert twice to a channel, but a second channel still gets it', () => {
    const plan = planChat({ ...base, channels: [qc, all], alerts, alreadyPosted: new Map([['chQC', new Set(['a1', 'a3'])]]) });
    expect(plan.due.map((i) => [i.channel.id, i.alerts.map((a) => a.id)])).toEqual([['chAll', ['a1', 'a2', 'a3']]]);
  });

  it('a disabled channel gets nothing; a channel whose people are all off work waits', () => {
    const plan = planChat({ ...base, channels: [channel('chOff', [], { enabled: false }), qc], alerts, atWork: (c) => c.id !== 'chQC' });
    expect(plan.due).toEqual([]);
    expect(plan.waiting).toEqual(['Channel chQC']);
  });

  it('the key depends on the set, not the order, of the alerts', () => {
    expect(chatKey('ch', ['b', 'a'])).toBe(chatKey('ch', ['a', 'b']));
    expect(chatKey('ch', ['a'])).not.toBe(chatKey('ch', ['a', 'b']));
  });
});
