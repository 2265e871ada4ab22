import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCalendar } from '../../src/cli/commands/calendar.ts';
import { runPlan } from '../../src/cli/commands/plan.ts';
import { runProvision } from '../../src/cli/commands/provision.ts';
import { runRemind } from '../../src/cli/commands/remind.ts';
import { EXIT } from '../../src/cli/exit-codes.ts';
import type { Printer } from '../../src/cli/output.ts';
import { loadConfig, type Config } from '../../src/config/config.ts';
import type { CalendarDetails } from '../../src/jobs/refresh-calendar.ts';
import type { PlanDetails } from '../../src/jobs/plan-schedule.ts';
import type { JobReport } from '../../src/jobs/report.ts';
import type { RemindDetails } from '../../src/jobs/send-reminders.ts';

function capture(json: boolean): Printer & { text: string[] } {
  const text: string[] = [];
  return { json, verbose: false, text, out: (t) => text.push(t), err: (t) => text.push(t), note: (t) => text.push(t) };
}
const report = <D>(p: { text: string[] }) => JSON.parse(p.text.join('\n')) as JobReport<D>;

let dir: string;
let config: Config;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sourcing-schedule-'));
  // Port 1 never answers, so each command starts its own workspace on the same folder.
  config = loadConfig({ WORKSPACE_DIR: dir, WORKSPACE_PORT: '1', WORKSPACE_SPEED: '1000' });
  expect(await runProvision(config, capture(false), { sample: true })).toBe(EXIT.ok);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sourcing calendar / plan / remind on the sample agency', () => {
  it('`calendar` writes the generated rows once', async () => {
    const first = capture(true);
    expect(await runCalendar(config, first)).toBe(EXIT.ok);
    expect(report<CalendarDetails>(first).details.created).toBeGreaterThan(20);
    const again = capture(false);
    expect(await runCalendar(config, again)).toBe(EXIT.ok);
    expect(again.text.join('\n')).toMatch(/generated rows; 0 created, 0 updated, \d+ unchanged\./);
  });

  it('`plan` fills milestones, lists the options for late POs, and a second run writes nothing', async () => {
    const print = capture(false);
    expect(await runPlan(config, print)).toBe(EXIT.ok);
    const out = print.text.join('\n');
    expect(out).toMatch(/^Milestone plan as of \d{4}-\d{2}-\d{2}: \d+ milestones created/);
    expect(out).toMatch(/PO-2405\s+ship-by \d{4}-\d{2}-\d{2}/);
    expect(out).toContain('option: Split production with the standby supplier');
    expect(out).toMatch(/PO-2409\s+ship-by/); // Guangzhou (Nansha) is a known port of loading
    const again = capture(true);
    await runPlan(config, again);
    expect(report<PlanDetails>(again).details).toMatchObject({ rowsCreated: 0, rowsUpdated: 0 });
  });

  it('`remind` sends or queues the open alert’s reminders, and a second run sends nothing new', async () => {
    const first = capture(true);
    await runRemind(config, first);
    const r1 = report<RemindDetails>(first);
    expect(r1.details.sent.length + r1.details.queued.length).toBeGreaterThan(0);
    expect([...r1.details.sent, ...r1.details.queued].some((m) => m.to === 'marcus.reed@tidewater-sourcing.example')).toBe(true);
    const outbox = join(dir, 'outbox');
    const files = existsSync(outbox) ? readdirSync(outbox).length : 0;
    expect(files).toBe(r1.details.sent.length);

    const second = capture(true);
    await runRemind(config, second);
    expect(report<RemindDetails>(second).details.sent).toEqual([]);
    expect(existsSync(outbox) ? readdirSync(outbox).length : 0).toBe(files);
  });

  it('`remind` against real services needs MAIL_FROM', async () => {
    const print = capture(false);
    expect(await runRemind(loadConfig({ AIRTABLE_TOKEN: 'patX', AIRTABLE_BASE_ID: 'appX' }), print)).toBe(EXIT.usage);
    expect(print.text).toEqual(['Set MAIL_FROM ("Name <address>") to send reminders.']);
  });
});
