/**
 * A project page: phase, schedule health over its POs, the next milestone, target delivery against the latest
 * ETA, open issues (open agency alerts of warning level or worse, client comments aside), the last client-visible
 * update and the agent. Its body is a summary with the project's POs.
 */
import { callout, table, type PortalBlock } from './blocks.ts';
import { NONE, showDate } from './format.ts';
import { dueDate, etaOf, nextMilestone, scheduleHealth } from './health.ts';
import { date, number, richText, select, title } from './page-values.ts';
import { visibleUpdates } from './po-body.ts';
import { isLivePo, type PortalIndex } from './portal-index.ts';
import { PROJECT_PROPS, PROJECT_SECTIONS } from './portal-layout.ts';
import type { PortalMilestone, PortalPo, PortalProject } from './portal-models.ts';
import { withHashes, type PortalPage } from './portal-page.ts';
import { cutText, fitText, plain, type RichText } from './rich-text.ts';

export const CLIENT_COMMENT_RULE = 'client-comment';
const OPEN_ALERT_STATUSES = new Set(['Open', 'Acknowledged', 'Snoozed']);

export function openIssues(project: PortalProject, pos: readonly PortalPo[], index: PortalIndex): number {
  const poIds = new Set(pos.map((po) => po.id));
  return index.alerts.filter(
    (a) =>
      OPEN_ALERT_STATUSES.has(a.status) &&
      a.severity !== 'Info' &&
      a.rule !== CLIENT_COMMENT_RULE &&
      (a.project === project.id || (a.po !== undefined && poIds.has(a.po))),
  ).length;
}

function summary(project: PortalProject, pos: readonly PortalPo[], latestEta: string | undefined): PortalBlock[] {
  const lines = [
    `Product: ${project.product ?? NONE}`,
    `Phase: ${project.phase}`,
    `Target delivery: ${showDate(project.targetDeliveryDate)} · Latest ETA: ${showDate(latestEta)}`,
  ];
  if (project.destinationCountry) lines.push(`Destination: ${project.destinationCountry}`);
  if (project.specification) lines.push(`Specification: ${cutText(project.specification, 1500)}`);
  const text: RichText = [{ text: project.project, bold: true }, { text: `\n${lines.join('\n')}` }];
  const blocks: PortalBlock[] = [callout(text, '🧭')];
  // One table rather than a line per PO: a change rewrites one block, however many POs the project has.
  const sorted = [...pos].sort((a, b) => a.poNumber.localeCompare(b.poNumber));
  if (sorted.length > 0) blocks.push(table(['Purchase order', 'Status', 'Ship-by'], sorted.map((po) => [plain(po.poNumber), plain(po.status), plain(showDate(po.shipBy))])));
  return blocks;
}

export function buildProjectPage(project: PortalProject, index: PortalIndex, withheldUpdates: ReadonlySet<string> = new Set()): PortalPage {
  const pos = (index.posByProject.get(project.id) ?? []).filter(isLivePo);
  const milestones: PortalMilestone[] = pos.flatMap((po) => index.milestonesByPo.get(po.id) ?? []);
  const etas = pos.map((po) => etaOf(index.milestonesByPo.get(po.id) ?? [])).filter((d): d is string => d !== undefined);
  const latestEta = etas.sort().at(-1);
  const next = nextMilestone(milestones);
  const nextPo = next ? pos.find((po) => po.id === next.po) : undefined;
  const lastUpdate = visibleUpdates(pos.flatMap((po) => index.updatesByPo.get(po.id) ?? []).filter((u) => !withheldUpdates.has(u.id)))[0]?.date;
  const agent = project.agent ? index.people.get(project.agent)?.name : undefined;

  return {
    kind: 'project',
    airtableId: project.id,
    label: project.project,
    properties: {
      [PROJECT_PROPS.name]: title(fitText(plain(project.project), { maxChars: 2000 })),
      [PROJECT_PROPS.phase]: select(project.phase),
      [PROJECT_PROPS.health]: select(scheduleHealth(milestones, index.today, { targetDelivery: project.targetDeliveryDate, latestEta })),
      [PROJECT_PROPS.nextMilestone]: richText(plain(next ? `${next.kind}${nextPo ? ` · ${nextPo.poNumber}` : ''}` : '')),
      [PROJECT_PROPS.nextMilestoneDate]: date(next ? dueDate(next) : undefined),
      [PROJECT_PROPS.targetDelivery]: date(project.targetDeliveryDate),
      [PROJECT_PROPS.latestEta]: date(latestEta),
      [PROJECT_PROPS.openIssues]: number(openIssues(project, pos, index)),
      [PROJECT_PROPS.lastUpdate]: date(lastUpdate),
      [PROJECT_PROPS.agent]: richText(plain(agent ?? '')),
    },
    seed: {},
    sections: withHashes(PROJECT_SECTIONS.map((layout) => ({ ...layout, blocks: summary(project, pos, latestEta) }))),
    watchComments: project.phase !== 'Closed',
    ...(project.notionPage ? { knownUrl: project.notionPage } : {}),
  };
}
