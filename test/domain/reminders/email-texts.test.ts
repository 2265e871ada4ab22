import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EmailTextError, fill, loadEmailTexts, parseEmailText } from '../../../src/domain/reminders/email-texts.ts';

const shipped = loadEmailTexts();

describe('email texts (workspace-templates/emails)', () => {
  it('ships the three texts, English, one-line subjects with their placeholders', () => {
    expect(Object.keys(shipped).sort()).toEqual(['Critical', 'Digest', 'Escalation']);
    expect(fill(shipped.Digest.subject, { date: 'Mon 2 Mar', count: 3, items: 'items', critical: 1 })).toBe('Sourcing digest · Mon 2 Mar · 3 open items');
    expect(fill(shipped.Escalation.intro, { count: 2, items: 'items', days: 2, owners: 'Jana Vogel', time: 'now', name: 'x', window: '' })).toContain('unacknowledged for 2 working days');
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a misspelt placeholder', { subject: 'Digest for {{nmae}}' }, 'subject: {{nmae}} is not available here ({{date}}, {{count}}, {{items}}, {{critical}})'],
    ['a placeholder of another field', { closing: 'Bye {{name}}' }, 'closing: {{name}} is not available here (no placeholders)'],
    ['a two-line subject', { subject: 'Digest\nsecond line' }, 'subject: a subject is one line'],
    ['an empty greeting', { greeting: '' }, 'greeting'],
    ['an unknown field', { footer: 'x' }, 'Unrecognized key: "footer"'],
  ])('refuses %s, naming the file and field', (_label, change, message) => {
    const json = { ...shipped.Digest, ...change };
    expect(() => parseEmailText('Digest', json, 'digest.json')).toThrow(EmailTextError);
    expect(() => parseEmailText('Digest', json, 'digest.json')).toThrow(message);
  });

  it('reports a broken file with its path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'emails-'));
    try {
      writeFileSync(join(dir, 'digest.json'), '{ not json');
      expect(() => loadEmailTexts(dir)).toThrow(`${join(dir, 'digest.json')} could not be read as JSON`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
