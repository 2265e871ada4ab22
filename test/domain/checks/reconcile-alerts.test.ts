import { describe, expect, it } from 'vitest';
import { finding, type Finding } from '../../../src/domain/checks/finding.ts';
import { reconcileAlerts, type ReconcileInput } from '../../../src/domain/checks/reconcile-alerts.ts';
import { alerts, type Alert } from '../../../src/domain/models/alert.ts';
import { parseRecords } from '../../../src/domain/models/parse-records.ts';
import { rid } from './world.ts';

const NOW = new Date('2026-06-10T09:00:00.000Z');
const SAME_DAY_EARLIER = '2026-06-10T01:00:00.000Z';
const YESTERDAY = '2026-06-09T09:00:00.000Z';

const late = (severity: Finding['severity'] = 'Warning', message = 'PO-1001 · PSI is 3 days late.') =>
  finding('late-milestone', [rid('ms-psi')], { severity, message, links: { po: rid('po1'), milestone: rid('ms-psi') }, owner: rid('p-qa') });

function row(ref: string, fields: Record<string, unknown>): Alert {
  const f = late();
  const { records, problems } = parseRecords(alerts, [
    {
      id: rid(ref),
      createdTime: '2026-01-01T00:00:00.000Z',
      fields: {
        Key: f.key,
        Rule: f.rule,
        Severity: f.severity,
        Message: f.message,
        PO: [rid('po1')],
        Milestone: [rid('ms-psi')],
        Owner: [rid('p-qa')],
        'First seen': YESTERDAY,
        'Last seen': YESTERDAY,
        Status: 'Open',
        ...fields,
      },
    },
  ]);
  expect(problems.map(String)).toEqual([]);
  return records[0]!;
}

const input = (over: Partial<ReconcileInput>): ReconcileInput => ({
  findings: [],
  existing: [],
  unreadableKeys: new Set(),
  rulesRun: new Set(['late-milestone', 'inspection-failed']),
  unreadableRecords: new Set(),
  now: NOW,
  ...over,
});

describe('reconcileAlerts', () => {
  it('creates one Open row for a new finding, with first/last seen and owner', () => {
    const plan = reconcileAlerts(input({ findings: [late()] }));
    expect(plan.create).toEqual([
      {
        Key: `late-milestone:${rid('ms-psi')}`,
        Rule: 'late-milestone',
        Severity: 'Warning',
        Message: 'PO-1001 · PSI is 3 days late.',
        PO: [rid('po1')],
        Milestone: [rid('ms-psi')],
        Owner: [rid('p-qa')],
        'First seen': NOW.toISOString(),
        'Last seen': NOW.toISOString(),
        Status: 'Open',
      },
    ]);
    expect(plan.update).toEqual([]);
  });

  it('writes nothing when the same finding is seen again the same day', () => {
    const plan = reconcileAlerts(input({ findings: [late()], existing: [row('a1', { 'Last seen': SAME_DAY_EARLIER })] }));
    expect(plan.create).toEqual([]);
    expect(plan.update).toEqual([]);
    expect(plan.counts.unchanged).toBe(1);
  });

  it('moves Last seen on a new day, and only that', () => {
    const plan = reconcileAlerts(input({ findings: [late()], existing: [row('a1', {})] }));
    expect(plan.update).toEqual([{ id: rid('a1'), fields: { 'Last seen': NOW.toISOString() } }]);
  });

  it('updates severity and message when the condition got worse, never the owner a person set', () => {
    const plan = reconcileAlerts(
      input({ findings: [late('Critical', 'PO-1001 · PSI is 8 days late.')], existing: [row('a1', { 'Last seen': SAME_DAY_EARLIER, Owner: [rid('p-boss')] })] }),
    );
    expect(plan.update).toEqual([{ id: rid('a1'), fields: { Severity: 'Critical', Message: 'PO-1001 · PSI is 8 days late.' } }]);
  });

  it.each([
    ['Acknowledged', {}],
    ['Snoozed', { 'Snoozed until': '2026-06-20T00:00:00.000Z' }],
    ['Snoozed', {}],
  ])('keeps a row a person set to %s %j', (status, extra) => {
    const plan = reconcileAlerts(input({ findings: [late()], existing: [row('a1', { Status: status, 'Last seen': SAME_DAY_EARLIER, ...extra })] }));
    expect(plan.update).toEqual([]);
  });

  it('reopens a snooze that has run out', () => {
    const plan = reconcileAlerts(input({ findings: [late()], existing: [row('a1', { Status: 'Snoozed', 'Snoozed until': '2026-06-10T08:00:00.000Z', 'Last seen': SAME_DAY_EARLIER })] }));
    expect(plan.update).toEqual([{ id: rid('a1'), fields: { Status: 'Open' } }]);
  });

  it('reopens a resolved row whose condition is back, rather than adding a second row', () => {
    const plan = reconcileAlerts(input({ findings: [late()], existing: [row('a1', { Status: 'Resolved' })] }));
    expect(plan.create).toEqual([]);
    expect(plan.update).toEqual([{ id: rid('a1'), fields: { Status: 'Open', 'Last seen': NOW.toISOString() } }]);
  });

  it.each(['Open', 'Acknowledged', 'Snoozed'])('resolves a %s row whose condition cleared', (status) => {
    const plan = reconcileAlerts(input({ existing: [row('a1', { Status: status })] }));
    expect(plan.update).toEqual([{ id: rid('a1'), fields: { Status: 'Resolved' } }]);
    expect(plan.counts.resolved).toBe(1);
  });

  it('does not resolve rows of a rule that did not run, of another job, or about a record that failed validation', () => {
    const existing = [row('a1', {}), row('a2', { Key: 'sync-error:x', Rule: 'sync-error' })];
    expect(reconcileAlerts(input({ existing, rulesRun: new Set() })).update).toEqual([]);
    expect(reconcileAlerts(input({ existing: [existing[1]!] })).update).toEqual([]);
    expect(reconcileAlerts(input({ existing: [existing[0]!], unreadableRecords: new Set([rid('ms-psi')]) })).update).toEqual([]);
  });

  it('never duplicates a finding whose row failed validation', () => {
    const plan = reconcileAlerts(input({ findings: [late()], unreadableKeys: new Set([late().key]) }));
    expect(plan.create).toEqual([]);
    expect(plan.counts.unreadable).toBe(1);
  });

  it('adopts a row written under an older key (same rule, same records), keeping its acknowledgement', () => {
    const failed = finding('inspection-failed', [rid('in-dupro')], { severity: 'Critical', message: 'DUPRO of PO-1001 failed.', links: { po: rid('po1'), inspection: rid('in-dupro') } });
    const legacy = row('a1', { Key: 'inspection-failed:PO-1001 · DUPRO', Rule: 'inspection-failed', Severity: 'Critical', Message: 'DUPRO of PO-1001 failed.', Milestone: undefined, Inspection: [rid('in-dupro')], Status: 'Acknowledged', 'Last seen': SAME_DAY_EARLIER });
    const plan = reconcileAlerts(input({ findings: [failed], existing: [legacy] }));
    expect(plan.create).toEqual([]);
    expect(plan.update).toEqual([{ id: rid('a1'), fields: { Key: failed.key } }]);
    expect(plan.counts.adopted).toBe(1);
  });

  it('does not adopt a row about another record', () => {
    const other = row('a1', { Key: 'late-milestone:old', Milestone: [rid('ms-etd')] });
    const plan = reconcileAlerts(input({ findings: [late()], existing: [other] }));
    expect(plan.create).toHaveLength(1);
    expect(plan.update).toEqual([{ id: rid('a1'), fields: { Status: 'Resolved' } }]);
  });

  it('adopts, for a finding about two records, only a row linking both, and the first such row in table order', () => {
    const sailed = finding('shipment-without-psi', [rid('shp1'), rid('po1')], {
      severity: 'Critical',
      message: 'Shipment BK-1 sailed without a passed PSI of PO-1001.',
      links: { po: rid('po1'), shipment: rid('shp1') },
    });
    const legacy = (ref: string, links: Record<string, unknown>, status: string) =>
      row(ref, { Key: `shipment-without-psi:old-${ref}`, Rule: 'shipment-without-psi', Severity: 'Critical', Message: sailed.message, PO: undefined, Milestone: undefined, Status: status, 'Last seen': SAME_DAY_EARLIER, ...links });
    const onlyPo = legacy('a1', { PO: [rid('po1')] }, 'Open');
    const both = legacy('a2', { PO: [rid('po1')], Shipment: [rid('shp1')] }, 'Acknowledged');
    const bothAgain = legacy('a3', { PO: [rid('po1')], Shipment: [rid('shp1')] }, 'Open');
    const plan = reconcileAlerts(input({ findings: [sailed], existing: [onlyPo, both, bothAgain], rulesRun: new Set(['shipment-without-psi']) }));
    expect(plan.create).toEqual([]);
    expect(plan.update).toEqual([
      { id: rid('a2'), fields: { Key: sailed.key } },
      { id: rid('a1'), fields: { Status: 'Resolved' } },
      { id: rid('a3'), fields: { Status: 'Resolved' } },
    ]);
  });
});
