/**
 * The body of a PO page, section by section: summary callout, milestone table (baseline / planned / actual),
 * inspections with their AQL plan and result, the latest updates marked "Visible to client" with their photos,
 * and document links. Each section is rebuilt from records only, so its hash changes only when they do.
 */
import { incotermAsSeenByClient } from '../confidentiality/policy.ts';
import type { Attachment } from '../models/cells.ts';
import { bullet, callout, paragraph, table, type ChildBlock, type PortalBlock } from './blocks.ts';
import { NONE, showAql, showDate, showNumber } from './format.ts';
import { inScheduleOrder, milestoneState, type MilestoneState } from './health.ts';
import { PO_SECTIONS, type Health } from './portal-layout.ts';
import type { PortalDocument, PortalInspection, PortalMilestone, PortalPo, PortalUpdate } from './portal-models.ts';
import type { BodySection } from './portal-page.ts';
import { plain, type RichText } from './rich-text.ts';

/** Updates shown on a PO page, newest first; older ones stay in Airtable. */
export const MAX_UPDATES = 5;
export const MAX_PHOTOS_PER_UPDATE = 6;

const HEALTH_EMOJI: Record<Health, string> = { 'On track': '🟢', 'At risk': '🟠', Late: '🔴' };
const STATE_LABEL: Record<MilestoneState, string> = {
  done: 'Done',
  late: 'Late',
  'at-risk': 'At risk',
  'on-track': 'On track',
  unplanned: 'Not planned',
};

export interface PoFacts {
  supplier: string;
  /** The client may read the factory's name (confidentiality policy). */
  supplierNamed?: boolean;
  eta?: string;
  health: Health;
  lastInspection?: string;
}

function section(key: string, blocks: PortalBlock[]): BodySection {
  const layout = PO_SECTIONS.find((s) => s.key === key);
  if (!layout) throw new Error(`unknown PO section ${key}`);
  return { ...layout, blocks };
}

export function summarySection(po: PortalPo, facts: PoFacts): BodySection {
  const lines: string[] = [
    `Supplier: ${facts.supplier}`,
    `Ship-by: ${showDate(po.shipBy)} · ETA: ${showDate(facts.eta)}`,
    `Schedule: ${facts.health}`,
  ];
  if (po.incoterm) lines.push(`Terms: ${incotermAsSeenByClient(po.incoterm, po.namedPlace, facts.supplierNamed === true)}${po.shippingMode ? ` · ${po.shippingMode}` : ''}`);
  if (po.portOfLoading || po.portOfDischarge) lines.push(`Route: ${po.portOfLoading ?? NONE} → ${po.portOfDischarge ?? NONE}`);
  lines.push(`Last inspection: ${facts.lastInspection ?? 'none yet'}`);
  const text: RichText = [{ text: `${po.poNumber} · ${po.status}`, bold: true }, { text: `\n${lines.join('\n')}` }];
  return section('summary', [callout(text, HEALTH_EMOJI[facts.health])]);
}

export function milestonesSection(milestones: readonly PortalMilestone[], today: string): BodySection {
  if (milestones.length === 0) return section('milestones', [paragraph(plain('No milestones planned yet.'))]);
  const rows = inScheduleOrder(milestones).map((m) => [
    plain(m.kind),
    plain(showDate(m.baselineDate)),
    plain(showDate(m.plannedDate)),
    plain(showDate(m.actualDate)),
    plain(STATE_LABEL[milestoneState(m, today)]),
  ]);
  return section('milestones', [table(['Milestone', 'Baseline', 'Planned', 'Actual', 'Status'], rows)]);
}

const inspectionDate = (i: PortalInspection) => i.inspectionDate ?? i.scheduledDate;

/** "Level II · AQL 0 / 2.5 / 4.0 · lot 21,600 · sample 315 · accept 0 / 14 / 21" (critical / major / minor). */
export function aqlPlanText(i: PortalInspection): string {
  const parts = [`Level ${i.inspectionLevel ?? NONE}`, `AQL ${showAql(i.aqlCritical)} / ${showAql(i.aqlMajor)} / ${showAql(i.aqlMinor)}`];
  if (i.lotSize !== undefined) parts.push(`lot ${showNumber(i.lotSize)}`);
  if (i.sampleSize !== undefined) parts.push(`sample ${showNumber(i.sampleSize)}`);
  if (i.acceptCritical !== undefined || i.acceptMajor !== undefined || i.acceptMinor !== undefined) {
    parts.push(`accept ${showNumber(i.acceptCritical)} / ${showNumber(i.acceptMajor)} / ${showNumber(i.acceptMinor)}`);
  }
  return parts.join(' · ');
}

function defectsText(i: PortalInspection): string {
  if (i.criticalFound === undefined && i.majorFound === undefined && i.minorFound === undefined) return NONE;
  return `${showNumber(i.criticalFound)} / ${showNumber(i.majorFound)} / ${showNumber(i.minorFound)}`;
}

export function inspectionsSection(inspections: readonly PortalInspection[]): BodySection {
  if (inspections.length === 0) return section('inspections', [paragraph(plain('No inspections scheduled yet.'))]);
  const sorted = [...inspections].sort((a, b) => (inspectionDate(a) ?? '9999').localeCompare(inspectionDate(b) ?? '9999') || a.id.localeCompare(b.id));
  const rows = sorted.map((i) => [
    plain(i.type),
    plain(`${showDate(inspectionDate(i))}${i.inspectionDate ? '' : i.scheduledDate ? ' (scheduled)' : ''}`),
    plain(aqlPlanText(i)),
    plain(defectsText(i)),
    plain(i.result ?? 'Pending'),
  ]);
  return section('inspections', [
    table(['Inspection', 'Date', 'AQL plan (critical / major / minor)', 'Defects found (critical / major / minor)', 'Result'], rows),
  ]);
}

/** The latest inspection's type and result, e.g. "PSI · Pass". */
export function lastInspectionText(inspections: readonly PortalInspection[]): string | undefined {
  let latest: PortalInspection | undefined;
  for (const i of inspections) {
    const d = inspectionDate(i) ?? '';
    if (!latest || d > (inspectionDate(latest) ?? '') || (d === (inspectionDate(latest) ?? '') && i.id > latest.id)) latest = i;
  }
  return latest ? `${latest.type} · ${latest.result ?? 'Pending'}` : undefined;
}

const IMAGE_EXTENSIONS = /\.(jpe?g|png|gif|webp|heic|bmp|tiff?)$/i;
const isImage = (a: Attachment) => (a.type ? a.type.startsWith('image/') : IMAGE_EXTENSIONS.test(a.filename));

/** Only updates marked "Visible to client" ever reach a client page. */
export function visibleUpdates(updates: readonly PortalUpdate[]): PortalUpdate[] {
  return updates.filter((u) => u.visibleToClient).sort((a, b) => b.date.localeCompare(a.date) || b.id.localeCompare(a.id));
}

export function updatesSection(updates: readonly PortalUpdate[]): BodySection {
  const visible = visibleUpdates(updates);
  if (visible.length === 0) return section('updates', [paragraph(plain('No updates yet.'))]);
  const blocks: PortalBlock[] = visible.slice(0, MAX_UPDATES).map((u) => {
    const photos: ChildBlock[] = u.photos
      .filter(isImage)
      .slice(0, MAX_PHOTOS_PER_UPDATE)
      .map((a) => ({ type: 'image', url: a.url, caption: plain(a.filename), stableKey: a.id }));
    return bullet([{ text: showDate(u.date), bold: true }, { text: ` — ${u.text ?? ''}` }], photos);
  });
  if (visible.length > MAX_UPDATES) blocks.push(paragraph(plain(`${visible.length - MAX_UPDATES} older updates are not shown here.`)));
  return section('updates', blocks);
}

/** The newest version of each document (rows are versions of one name). */
export function latestDocuments(documents: readonly PortalDocument[]): PortalDocument[] {
  const byName = new Map<string, PortalDocument>();
  for (const d of documents) {
    // Filed where the client cannot read it (it names a factory hidden from them): not offered at all.
    if (d.agencyOnly) continue;
    const seen = byName.get(d.name);
    if (!seen || (d.version ?? 0) > (seen.version ?? 0)) byName.set(d.name, d);
  }
  return [...byName.values()].sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name));
}

export function documentsSection(documents: readonly PortalDocument[]): BodySection {
  const latest = latestDocuments(documents);
  if (latest.length === 0) return section('documents', [paragraph(plain('No documents yet.'))]);
  return section(
    'documents',
    latest.map((d) => bullet([{ text: d.name, ...(d.driveFile ? { link: d.driveFile } : {}) }, { text: ` · ${d.kind}${d.version ? ` · v${d.version}` : ''}` }])),
  );
}

/** Document names linked to their Drive files, for the "Documents" property. */
export function documentLinks(documents: readonly PortalDocument[]): RichText {
  const spans: RichText = [];
  for (const d of latestDocuments(documents)) {
    if (spans.length > 0) spans.push({ text: ', ' });
    spans.push({ text: d.name, ...(d.driveFile ? { link: d.driveFile } : {}) });
  }
  return spans;
}
