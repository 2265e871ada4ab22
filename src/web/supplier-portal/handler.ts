/**
 * The supplier portal over HTTP: one (req, res) handler, the same in the Cloud Function `supplierPortal` and in the
 * local workspace (`npm start`, `sourcing serve`). Routes, under `basePath`:
 *   GET  /portal.css                   the stylesheet
 *   GET  /s/<link>[?lang=zh|en]        the factory's open orders (the language choice is remembered in a cookie)
 *   GET  /s/<link>/po/<PO number>      one order, with its forms
 *   POST /s/<link>/po/<PO number>      one action (form fields, or multipart with photos / videos)
 * The link is the only credential (see portal-link.ts); the PO comes from the URL and is checked to belong to the
 * link's supplier before anything is read or written, so no URL or form field reaches another supplier's order.
 * Every answer sets a strict CSP, Referrer-Policy: no-referrer and no-store; log lines never contain the link.
 */
import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { Supplier } from '../../domain/models/supplier.ts';
import { factoryViewOfClient } from '../../domain/supplier-portal/client-visibility.ts';
import { ActionForm, ActionRefused, FORM_KEY, planAction } from '../../domain/supplier-portal/portal-actions.ts';
import { csrfMatches, csrfToken, DEFAULT_LINK_DAYS, verifyLink } from '../../domain/supplier-portal/portal-link.ts';
import { defaultLanguage, isLanguage, t, type Language, type TextKey } from '../../domain/supplier-portal/portal-texts.ts';
import { factoryToday, PortalDirectory, readSupplierPos } from '../../jobs/supplier-portal/portal-reader.ts';
import { findUpdate, recordAction } from '../../jobs/supplier-portal/portal-writer.ts';
import { storeUploads, type UploadDeps } from '../../jobs/supplier-portal/portal-uploads.ts';
import type { AirtableRecordsPort } from '../../ports/airtable.ts';
import { DEFAULT_UPLOAD_LIMITS, discardForm, readForm, type FormRequest, type UploadLimits } from './multipart.ts';
import { linkProblemPage, listPage, messagePage, poPage, type PageContext } from './pages.ts';
import { PORTAL_CSS } from './portal-css.ts';
import { LinkRateLimiter } from './rate-limit.ts';

export interface SupplierPortalDeps extends UploadDeps {
  records: AirtableRecordsPort;
  secret: string;
  now(): Date;
  /** Where the portal is mounted: '' for the Cloud Function, '/supplier' in the local workspace. */
  basePath: string;
  /** One line per request, never with the link. */
  log?: (line: string) => void;
  secureCookies?: boolean;
  limits?: UploadLimits;
  rateLimiter?: LinkRateLimiter;
  /** How long suppliers and the agency row are reused (default a minute; tests use 0). */
  directoryCacheMs?: number;
}

export const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'cache-control': 'no-store',
};

const LANG_COOKIE = 'sp_lang';

export type PortalHandler = (req: FormRequest, res: ServerResponse) => Promise<void>;

export function supplierPortalHandler(deps: SupplierPortalDeps): PortalHandler {
  const directory = new PortalDirectory(deps.records, deps.now, deps.directoryCacheMs);
  const limiter = deps.rateLimiter ?? new LinkRateLimiter();
  const base = deps.basePath.replace(/\/+$/, '');
  const cssHref = `${base}/portal.css`;

  return async (req, res) => {
    const started = performance.now();
    let route = 'other';
    let status = 500;
    try {
      const url = new URL(req.url ?? '/', 'http://portal.invalid');
      const path = url.pathname.startsWith(base) ? url.pathname.slice(base.length) : url.pathname;
      const parts = path.split('/').filter(Boolean).map(safeDecode);
      if (req.method === 'GET' && parts.length === 1 && parts[0] === 'portal.css') {
        route = 'css';
        status = send(res, 200, PORTAL_CSS, 'text/css; charset=utf-8', { 'cache-control': 'public, max-age=3600' });
        return;
      }
      const cookieLang = readCookie(req.headers.cookie, LANG_COOKIE);
      const queryLang = url.searchParams.get('lang');
      const chosen: Language | undefined = isLanguage(queryLang) ? queryLang : isLanguage(cookieLang) ? cookieLang : undefined;
      if (isLanguage(queryLang)) res.setHeader('set-cookie', `${LANG_COOKIE}=${queryLang}; Path=${base || '/'}; Max-Age=31536000; SameSite=Lax; HttpOnly${deps.secureCookies ? '; Secure' : ''}`);
      const [s, token, poSegment, poNumber, ...rest] = parts;
      if (s !== 's' || !token || rest.length > 0 || (poSegment !== undefined && (poSegment !== 'po' || !poNumber))) {
        route = 'not-found';
        status = send(res, 404, messagePage(chosen ?? 'zh', cssHref, t(chosen ?? 'zh', 'invalidTitle'), t(chosen ?? 'zh', 'newLinkHowGeneric')));
        return;
      }
      route = poNumber ? (req.method === 'POST' ? 'action' : 'po') : 'list';
      const link = await checkLink(token);
      if (!link.ok) {
        const lang = chosen ?? 'zh';
        const title: TextKey = link.reason === 'expired' ? 'expiredTitle' : link.reason === 'revoked' ? 'revokedTitle' : 'invalidTitle';
        const agency = (await directory.get()).agency?.name;
        const how = agency ? t(lang, 'newLinkHow', { agency, days: DEFAULT_LINK_DAYS }) : t(lang, 'newLinkHowGeneric');
        status = send(res, link.reason === 'expired' || link.reason === 'revoked' ? 410 : 403, linkProblemPage(lang, cssHref, t(lang, title), how, link.reason));
        return;
      }
      const { supplier, tag } = link;
      const lang = chosen ?? defaultLanguage(supplier.timeZone);
      if (!limiter.allow(tag, req.method === 'POST' ? 'posts' : 'pages')) {
        status = send(res, 429, messagePage(lang, cssHref, t(lang, 'title'), t(lang, 'rateLimited')), undefined, { 'retry-after': '60' });
        return;
      }
      const home = `${base}/s/${token}`;
      const dir = await directory.get();
      const buyer = factoryViewOfClient(dir.agency ?? { name: '—' }, lang).buyer;
      const promptDays = dir.agency?.supplierPromptDays;
      const ctx: PageContext = {
        lang,
        buyer,
        supplierName: lang === 'zh' ? (supplier.nameZh ?? supplier.name) : supplier.name,
        home,
        cssHref,
        today: factoryToday(deps.now(), supplier),
        formTokens: () => {
          const key = randomBytes(18).toString('base64url');
          return { key, csrf: csrfToken(deps.secret, token, key) };
        },
      };
      if (req.method === 'GET' && !poNumber) {
        const { pos } = await readSupplierPos(deps.records, supplier, { now: deps.now(), promptDays, withLines: false });
        status = send(res, 200, listPage(ctx, pos));
        return;
      }
      if (!poNumber) {
        status = send(res, 405, messagePage(lang, cssHref, t(lang, 'title'), 'GET'), undefined, { allow: 'GET' });
        return;
      }
      if (req.method === 'GET') {
        const { pos } = await readSupplierPos(deps.records, supplier, { now: deps.now(), promptDays, poNumber });
        const po = pos[0];
        if (!po) {
          status = send(res, 404, messagePage(lang, cssHref, t(lang, 'title'), t(lang, 'notFound'), home));
          return;
        }
        status = send(res, 200, poPage(ctx, po, url.searchParams.get('saved') === '1' ? { ok: true, text: t(lang, 'saved') } : undefined));
        return;
      }
      if (req.method !== 'POST') {
        status = send(res, 405, messagePage(lang, cssHref, t(lang, 'title'), 'GET, POST'), undefined, { allow: 'GET, POST' });
        return;
      }
      status = await handlePost(req, res, { token, supplier, poNumber, lang, ctx, promptDays });
    } catch (error) {
      status = send(res, 500, messagePage('zh', cssHref, '出错了 / Something went wrong', '请稍后再试。Please try again later.'));
      deps.log?.(`supplier-portal error on ${route}: ${(error as Error).message}`);
    } finally {
      deps.log?.(`supplier-portal ${req.method} ${route} ${status} ${Math.round(performance.now() - started)} ms`);
    }
  };

  async function checkLink(token: string): Promise<{ ok: true; supplier: Supplier; tag: string } | { ok: false; reason: string }> {
    const subjects = (d: { suppliers: Supplier[] }) => d.suppliers.map((s) => ({ supplierId: s.id, keyVersion: s.portalKeyVersion ?? 0 }));
    let dir = await directory.get();
    let check = verifyLink(deps.secret, token, deps.now(), subjects(dir));
    // A supplier added or a key bumped since the cache was filled: ask again before refusing.
    if (!check.ok && (check.reason === 'unknown' || check.reason === 'revoked')) {
      dir = await directory.get(true);
      check = verifyLink(deps.secret, token, deps.now(), subjects(dir));
    }
    if (!check.ok) return check;
    const supplierId = check.supplierId;
    const supplier = dir.suppliers.find((s) => s.id === supplierId);
    return supplier ? { ok: true, supplier, tag: token.split('.')[0] ?? '' } : { ok: false, reason: 'unknown' };
  }

  async function handlePost(
    req: FormRequest,
    res: ServerResponse,
    p: { token: string; supplier: Supplier; poNumber: string; lang: Language; ctx: PageContext; promptDays: number | undefined },
  ): Promise<number> {
    const { lang } = p;
    const form = await readForm(req, deps.limits ?? DEFAULT_UPLOAD_LIMITS);
    try {
      if (!form.ok) {
        const limits = deps.limits ?? DEFAULT_UPLOAD_LIMITS;
        const text = form.problem === 'too-large' ? t(lang, 'tooLarge', { mb: Math.round(limits.videoBytes / 1048576) }) : form.problem === 'bad-type' ? t(lang, 'badType') : t(lang, 'badForm', { problem: form.detail });
        res.setHeader('connection', 'close');
        return send(res, form.problem === 'too-large' ? 413 : form.problem === 'bad-type' ? 415 : 400, messagePage(lang, cssHref, t(lang, 'title'), text, p.ctx.home));
      }
      const key = form.fields['key'] ?? '';
      if (!FORM_KEY.test(key) || !csrfMatches(deps.secret, p.token, key, form.fields['csrf'] ?? '')) {
        return send(res, 403, messagePage(lang, cssHref, t(lang, 'title'), t(lang, 'staleForm'), p.ctx.home));
      }
      const now = deps.now();
      const { pos } = await readSupplierPos(deps.records, p.supplier, { now, promptDays: p.promptDays, poNumber: p.poNumber, withLines: false });
      const po = pos[0];
      if (!po) return send(res, 404, messagePage(lang, cssHref, t(lang, 'title'), t(lang, 'notFound'), p.ctx.home));
      const back = `${p.ctx.home}/po/${encodeURIComponent(po.poNumber)}`;
      const parsed = ActionForm.safeParse(form.fields);
      if (!parsed.success) {
        const problem = parsed.error.issues.map((i) => `${i.path.join('.') || 'form'}: ${i.message}`).join('; ');
        return send(res, 400, poPage(p.ctx, po, { ok: false, text: t(lang, 'badForm', { problem }) }));
      }
      const today = factoryToday(now, p.supplier);
      let planned;
      try {
        planned = planAction(parsed.data, { po, supplierName: p.supplier.name, personName: form.fields['name'], today, now });
      } catch (error) {
        if (!(error instanceof ActionRefused)) throw error;
        return send(res, 400, poPage(p.ctx, po, { ok: false, text: t(lang, 'badForm', { problem: error.message }) }));
      }
      // A repeated form: already recorded, so neither the files nor the row are written again.
      if (!(await findUpdate(deps.records, key))) {
        const files = parsed.data.action === 'post-update' ? form.files : [];
        const stored = await storeUploads(deps, {
          agency: (await directory.get()).agency,
          po,
          formKey: key,
          files: files.map((f, n) => ({ path: f.path, mimeType: f.type.mimeType, kind: f.type.kind, name: `${po.poNumber} ${today} ${key.slice(0, 6)}-${n + 1}.${f.type.extension}` })),
        });
        const person = (form.fields['name'] ?? '').trim().slice(0, 80);
        await recordAction(deps.records, {
          key,
          poId: po.id,
          planned,
          submittedBy: `${p.supplier.name}${person ? ` · ${person}` : ''} (supplier portal)`,
          now,
          today,
          driveFiles: stored.map((s) => s.line),
        });
      }
      return send(res, 303, '', 'text/plain; charset=utf-8', { location: `${back}?saved=1` });
    } finally {
      await discardForm(form);
    }
  }
}

function send(res: ServerResponse, status: number, body: string, type = 'text/html; charset=utf-8', extra: Record<string, string> = {}): number {
  if (res.headersSent) return status;
  res.statusCode = status;
  for (const [k, v] of Object.entries({ ...SECURITY_HEADERS, 'content-type': type, ...extra })) res.setHeader(k, v);
  res.end(body);
  return status;
}

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [k, v] = part.trim().split('=');
    if (k === name) return v;
  }
  return undefined;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return '';
  }
}
