/**
 * scripts/deploy.sh: clean under shellcheck, and its dry run prints the deployment a person can review (2nd-gen
 * functions on nodejs22 behind OIDC, Secret Manager secrets, the dispatcher's topic and worker, Scheduler jobs with
 * OIDC) without calling gcloud and without printing a secret.
 */
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEPLOYED_MALLOC_ENV, DEPLOYED_NODE_OPTIONS } from '../../scripts/bench/deployed-env.ts';

const run = promisify(execFile);
const SCRIPT = resolve(import.meta.dirname, '../../scripts/deploy.sh');
const SHELLCHECK = '/usr/bin/shellcheck';

describe('scripts/deploy.sh', () => {
  let dir: string;
  let calls: string;
  let env: NodeJS.ProcessEnv;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'deploy-test-'));
    calls = join(dir, 'gcloud-calls');
    // A gcloud that only records that it was called: a dry run must never call it.
    writeFileSync(join(dir, 'gcloud'), `#!/bin/sh\necho "$@" >> "${calls}"\n`);
    chmodSync(join(dir, 'gcloud'), 0o755);
    env = { PATH: `${dir}:${process.env['PATH'] ?? ''}`, AIRTABLE_TOKEN: 'patLeakCheck0000000.deadbeef', HOME: dir };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.runIf(existsSync(SHELLCHECK) || process.env['CI'])('passes shellcheck', async () => {
    const result = await run(SHELLCHECK, [SCRIPT]).then(
      (r) => ({ code: 0 as number | string | undefined, output: r.stdout }),
      (e: { code?: number | string; stdout?: string; message?: string }) => ({ code: e.code, output: e.stdout || e.message || '' }),
    );
    expect(result).toEqual({ code: 0, output: '' });
  });

  it('prints every deployment step in a dry run, calling nothing', async () => {
    const envFile = join(dir, 'agency.env');
    writeFileSync(envFile, `# agency settings\nWORKSPACES=[{"id":"acme","env":{"AIRTABLE_BASE_ID":"appAAAAAAAAAAAAAA"}}]\nMAIL_FROM=Ops <ops@agency.example>\nNODE_OPTIONS=--max-old-space-size=200\n`);
    const { stdout } = await run('bash', [SCRIPT, '--dry-run', '--project', 'demo-agency', '--env-file', envFile, '--secret', 'AIRTABLE_TOKEN=airtable-token', '--secret', 'NOTION_TOKEN=notion-token', '--secret', '/secrets/gmail/key.json=gmail-key'], { env });
    expect(existsSync(calls) ? readFileSync(calls, 'utf8') : '').toBe('');
    const lines = stdout.split('\n');
    const has = (...parts: string[]) => lines.some((l) => parts.every((p) => l.includes(p)));

    expect(has('gcloud iam service-accounts create sourcing-runner')).toBe(true);
    expect(has('gcloud iam service-accounts create sourcing-invoker')).toBe(true);
    expect(has('gcloud secrets add-iam-policy-binding airtable-token', 'roles/secretmanager.secretAccessor')).toBe(true);
    expect(has('gcloud pubsub topics create sourcing-workspace-ticks')).toBe(true);
    expect(has('gcloud pubsub topics add-iam-policy-binding sourcing-workspace-ticks', 'roles/pubsub.publisher')).toBe(true);
    for (const entry of ['dispatch', 'provisionWorkspace', 'syncWorkspace', 'runChecks', 'buildDocuments', 'closeProject', 'planSchedule', 'refreshCalendar']) {
      expect(has('gcloud functions deploy', '--gen2', '--runtime=nodejs22', `--entry-point=${entry}`, '--trigger-http', '--no-allow-unauthenticated'), entry).toBe(true);
    }
    // Public on purpose, and only these two: the supplier portal (the signed link is the credential; the platform's
    // log of its URLs, which hold the link, is excluded) and the webhooks (each delivery's signature is checked).
    expect(has('gcloud functions deploy sourcing-supplier-portal', '--entry-point=supplierPortal', '--trigger-http', '--allow-unauthenticated')).toBe(true);
    expect(has('gcloud logging sinks update _Default', 'supplier-portal-links')).toBe(true);
    expect(has('gcloud functions deploy sourcing-webhooks', '--entry-point=webhooks', '--trigger-http', '--allow-unauthenticated')).toBe(true);
    expect(lines.filter((l) => l.startsWith('gcloud') && l.includes('--allow-unauthenticated') && !l.includes('--no-allow-unauthenticated'))).toHaveLength(2);
    expect(has('gcloud functions deploy sourcing-workspace-tick', '--entry-point=workspaceTick', '--trigger-topic=sourcing-workspace-ticks')).toBe(true);
    expect(has('--set-secrets=AIRTABLE_TOKEN=airtable-token:latest,NOTION_TOKEN=notion-token:latest,/secrets/gmail/key.json=gmail-key:latest')).toBe(true);
    expect(has('gcloud functions add-invoker-policy-binding sourcing-dispatch', '--member=serviceAccount:sourcing-invoker@demo-agency.iam.gserviceaccount.com')).toBe(true);
    for (const cycle of ['sync', 'hourly', 'daily']) {
      expect(
        has('gcloud scheduler jobs create http', `{"cycle":"${cycle}"}`, '--oidc-service-account-email=sourcing-invoker@demo-agency.iam.gserviceaccount.com', '"--oidc-token-audience=${DISPATCH_URL}"', '"--uri=${DISPATCH_URL}"'),
        cycle,
      ).toBe(true);
    }
    // The functions' environment: the env file's values as YAML, production mode, the full topic name.
    expect(stdout).toContain(`#   WORKSPACES: '[{"id":"acme","env":{"AIRTABLE_BASE_ID":"appAAAAAAAAAAAAAA"}}]'`);
    expect(stdout).toContain('#   NODE_ENV: production');
    expect(stdout).toContain('#   PUBSUB_TOPIC: projects/demo-agency/topics/sourcing-workspace-ticks');
    // The malloc settings the cycle-memory bench measures with (a 10,000-PO cycle peaks lower with them).
    for (const [key, value] of Object.entries(DEPLOYED_MALLOC_ENV)) expect(stdout).toContain(`#   ${key}: '${value}'`);
    // And V8's young generation as the bench measures it; the env file's own Node options follow (later flags win).
    expect(stdout.split('\n').filter((l) => l.startsWith('#   NODE_OPTIONS:'))).toEqual([`#   NODE_OPTIONS: '${DEPLOYED_NODE_OPTIONS} --max-old-space-size=200'`]);
    // The instance size the bench's default heap budget (DEPLOYED_OLD_SPACE_MB) is derived from, on every function.
    expect(lines.filter((l) => l.includes('gcloud functions deploy')).every((l) => l.includes('--memory=512Mi'))).toBe(true);
    expect(stdout).not.toContain('patLeakCheck');
  });

  it.each([
    [['--dry-run'], /set --project/],
    [['--dry-run', '--project', 'Demo_Agency'], /is not a project ID/],
    [['--dry-run', '--project', 'demo-agency', '--secret', 'airtable'], /is not VAR=secret-name/],
    [['--dry-run', '--project', 'demo-agency', '--frobnicate'], /unknown option --frobnicate/],
  ])('refuses %j with exit code 2 and a message', async (args, message) => {
    const error = (await run('bash', [SCRIPT, ...args], { env: { ...env, GOOGLE_CLOUD_PROJECT: '' } }).catch((e: unknown) => e)) as { code?: number; stderr?: string };
    expect(error.code).toBe(2);
    expect(error.stderr).toMatch(message);
  });

  it('refuses a secret in the env file, naming it', async () => {
    const envFile = join(dir, 'leaky.env');
    writeFileSync(envFile, 'NOTION_TOKEN=ntn_abc\n');
    const error = (await run('bash', [SCRIPT, '--dry-run', '--project', 'demo-agency', '--env-file', envFile], { env }).catch((e: unknown) => e)) as { code?: number; stderr?: string; stdout?: string };
    expect(error.code).toBe(2);
    expect(error.stderr).toContain('NOTION_TOKEN is a secret; store it in Secret Manager');
    expect(`${error.stdout ?? ''}${error.stderr ?? ''}`).not.toContain('ntn_abc');
  });

  const PEM = ['-----BEGIN', 'PRIVATE KEY-----MIIEv...'].join(' ');
  it.each([
    ['SMTP_PASS', 'hunter2-mail-password', /SMTP_PASS is a secret/],
    ['NOTES', `ntn_${'a'.repeat(40)}`, /looks like a secret \(a Notion integration token\)/],
    ['WORKSPACES', `[{"id":"acme","env":{"AIRTABLE_BASE_ID":"appA","AIRTABLE_TOK":"patAbcdefghijklmn.${'0'.repeat(64)}"}}]`, /value of WORKSPACES looks like a secret \(an Airtable personal access token\)/],
    ['WORKSPACES', '[{"id":"acme","env":{"SLACK":"xoxb-1234567890-abcdef"}}]', /a Slack token/],
    ['PAYMENTS', `sk_live_${'x'.repeat(24)}`, /secret API key/],
    ['MAPS', `AIza${'B'.repeat(35)}`, /a Google API key/],
    ['CI_HELPER', `ghp_${'c'.repeat(36)}`, /a GitHub token/],
    ['SIGNING', PEM, /a PEM private key/],
    ['GOOGLE_APPLICATION_JSON', '{"type": "service_account", "project_id": "x"}', /JSON service-account key/],
  ])('refuses %s when its value looks like a secret, without printing the value', async (key, value, message) => {
    const envFile = join(dir, `leak-${key}.env`);
    writeFileSync(envFile, `MAIL_FROM=Ops <ops@agency.example>\n${key}=${value}\n`);
    const error = (await run('bash', [SCRIPT, '--dry-run', '--project', 'demo-agency', '--env-file', envFile], { env }).catch((e: unknown) => e)) as { code?: number; stderr?: string; stdout?: string };
    expect(error.code).toBe(2);
    expect(error.stderr).toMatch(message);
    expect(`${error.stderr}${error.stdout}`).not.toContain(value.slice(0, 24));
  });

  it('keeps plain values that only resemble a prefix (a "pattern", a "secretary")', async () => {
    const envFile = join(dir, 'plain.env');
    writeFileSync(envFile, 'MAIL_FROM=Pat Secretary <pattern@agency.example>\nAIRTABLE_BASE_NAME=sk-team secret_sauce\n');
    const { stdout } = await run('bash', [SCRIPT, '--dry-run', '--project', 'demo-agency', '--env-file', envFile], { env });
    expect(stdout).toContain("MAIL_FROM: 'Pat Secretary <pattern@agency.example>'");
  });

  it.each(['.gcloudignore', '.gitignore'])('%s excludes key files and .env files', (file) => {
    const lines = readFileSync(resolve(import.meta.dirname, '../..', file), 'utf8').split('\n');
    for (const pattern of ['key.json', '*.pem', '*.key', '.env', '.env.*']) expect(lines, pattern).toContain(pattern);
  });
});
