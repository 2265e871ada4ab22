import { describe, expect, it } from 'vitest';
import { SmtpMailAdapter } from '../../src/adapters/smtp/smtp-mail.ts';
import { GmailMailAdapter } from '../../src/adapters/gmail/index.ts';
import { createMailPort } from '../../src/cli/mail-port.ts';
import { ConfigError, loadConfig } from '../../src/config/config.ts';
import { RequestCounter } from '../../src/lib/request-counter.ts';

const CLOUD = { AIRTABLE_TOKEN: 'patX', AIRTABLE_BASE_ID: 'appX' };

describe('mail settings from the environment', () => {
  it('defaults to the Gmail API and the local mailbox in local mode', () => {
    const config = loadConfig({});
    expect(config.mail).toMatchObject({
      transport: 'gmail',
      from: { name: 'Sourcing workspace', address: 'owner@workspace.local' },
      escalateAfterWorkingDays: 2,
      gmail: { rootUrl: 'https://gmail.googleapis.com/', sender: 'owner@workspace.local' },
    });
  });

  it.each<[string, Record<string, string>, Record<string, unknown>]>([
    ['SMTP on 465 is implicit TLS', { MAIL_TRANSPORT: 'smtp', SMTP_HOST: 'smtp.example.com', SMTP_PORT: '465', SMTP_USER: 'u', SMTP_PASSWORD: 'p' }, { host: 'smtp.example.com', port: 465, secure: true, user: 'u', password: 'p' }],
    ['SMTP on 587 upgrades with STARTTLS', { MAIL_TRANSPORT: 'smtp', SMTP_HOST: 'smtp.example.com' }, { host: 'smtp.example.com', port: 587, secure: false }],
    ['SMTP_SECURE overrides the port rule', { MAIL_TRANSPORT: 'smtp', SMTP_HOST: 'smtp.example.com', SMTP_PORT: '2525', SMTP_SECURE: 'true' }, { port: 2525, secure: true }],
  ])('%s', (_label, env, smtp) => {
    expect(loadConfig(env).mail.smtp).toMatchObject(smtp);
  });

  it.each<[string, Record<string, string>, string]>([
    ['SMTP without a host', { MAIL_TRANSPORT: 'smtp' }, 'SMTP_HOST: required when MAIL_TRANSPORT=smtp'],
    ['an SMTP user without password', { MAIL_TRANSPORT: 'smtp', SMTP_HOST: 'h.example', SMTP_USER: 'u' }, 'SMTP_USER and SMTP_PASSWORD: set both or neither'],
    ['a port out of range', { MAIL_TRANSPORT: 'smtp', SMTP_HOST: 'h.example', SMTP_PORT: '70000' }, 'SMTP_PORT'],
    ['an unknown transport', { MAIL_TRANSPORT: 'sendgrid' }, 'MAIL_TRANSPORT'],
    ['a malformed sender', { MAIL_FROM: 'Ops <not an address>' }, 'MAIL_FROM: expected "Name <address@domain>" or an address'],
    ['a bad escalation delay', { REMINDER_ESCALATION_DAYS: '0' }, 'REMINDER_ESCALATION_DAYS'],
  ])('refuses %s, naming the variable', (_label, env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('never prints the SMTP password or a Gmail token', () => {
    const config = loadConfig({ ...CLOUD, MAIL_FROM: 'ops@agency.example', GMAIL_ACCESS_TOKEN: 'ya29.secret', MAIL_TRANSPORT: 'smtp', SMTP_HOST: 'h.example', SMTP_USER: 'u', SMTP_PASSWORD: 'hunter2' });
    const json = JSON.stringify(config);
    expect(json).not.toContain('hunter2');
    expect(json).not.toContain('ya29.secret');
    expect(json).toContain('"password":"***"');
  });
});

describe('the transport the config selects', () => {
  const counter = new RequestCounter();
  it('SMTP when asked (validated, not connected)', () => {
    const port = createMailPort(loadConfig({ MAIL_TRANSPORT: 'smtp', SMTP_HOST: 'smtp.example.com' }), counter);
    expect(port).toBeInstanceOf(SmtpMailAdapter);
    expect(port.canSearchSent).toBe(false);
  });

  it('the local workspace’s Gmail in local mode', () => {
    expect(createMailPort(loadConfig({}), counter, 'http://127.0.0.1:9')).toBeInstanceOf(GmailMailAdapter);
  });

  it('explains what is missing for the real Gmail, at first use', async () => {
    const port = createMailPort(loadConfig({ ...CLOUD, MAIL_FROM: 'ops@agency.example' }), counter);
    await expect(port.findSentByMessageId('<x@y>')).rejects.toThrow('Email is not configured: set GMAIL_CREDENTIALS_FILE');
  });
});
