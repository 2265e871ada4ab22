/**
 * Which milestone reviews are needed now, with whom and in which window of time:
 * - after a failed inspection: within four days of it, until a re-inspection passes;
 * - before PSI and before container loading: in the days before the planned date (planned within three weeks);
 * - the closure meeting: on the project's "Closure meeting date".
 * The agent and the client's first contact attend every review; the factory joins the inspection reviews only when
 * the confidentiality policy lets each side know the other's name and contact, since an invite shows every attendee
 * to every other one. Windows come from the records' dates, not from the clock, so a review keeps its slot from run to
 * run until its date moves.
 */
import { addDays } from '../calendar/iso-date.ts';
import type { WorkingHoursProfile } from '../calendar/working-hours.ts';
import type { Client } from '../models/client.ts';
import type { Inspection } from '../models/inspection.ts';
import type { Milestone } from '../models/milestone.ts';
import type { Person } from '../models/person.ts';
import type { Project } from '../models/project.ts';
import type { PurchaseOrder } from '../models/purchase-order.ts';
import type { ReviewKind } from '../models/review.ts';
import type { Supplier } from '../models/supplier.ts';
import { recipientOf } from '../reminders/recipients.ts';
import type { SlotAttendee } from './review-slot.ts';

export interface ReviewAttendee extends SlotAttendee {
  name?: string;
  role: 'agent' | 'client' | 'factory';
}

export interface NeededReview {
  key: string;
  kind: ReviewKind;
  title: string;
  poId?: string;
  projectId: string;
  milestoneId?: string;
  inspectionId?: string;
  window: { from: Date; to: Date };
  attendees: ReviewAttendee[];
}

export interface ReviewWorld {
  now: Date;
  pos: readonly PurchaseOrder[];
  milestones: readonly Milestone[];
  inspections: readonly Inspection[];
  projects: readonly Project[];
  clients: readonly Client[];
  suppliers: readonly Supplier[];
  people: readonly Person[];
  /** Whether client and factory may meet (each may know the other's name and contact): the confidentiality policy. */
  mayMeet(clientId: string, supplierId: string): boolean;
}

/** How far ahead a review before PSI, loading or closure is proposed. */
const HORIZON_DAYS = 21;
const CLOSED_PO = new Set(['Closed', 'Cancelled', 'Delivered']);
/** Office hours assumed for clients and factories, whose rows carry a zone but no hours. */
const OFFICE = { start: '09:00', end: '18:00' } as const;

const KIND_KEY: Record<ReviewKind, string> = {
  'After failed inspection': 'after-failed-inspection',
  'Before PSI': 'before-psi',
  'Before loading': 'before-loading',
  'Closure meeting': 'closure-meeting',
};

const TITLES: Record<ReviewKind, string> = {
  'After failed inspection': 'Review after failed inspection',
  'Before PSI': 'Pre-PSI review',
  'Before loading': 'Pre-loading review',
  'Closure meeting': 'Closure meeting',
};

/**
 * The milestones and inspections `neededReviews` can act on, whatever the day: a reader may keep only these (at
 * 10,000 POs the whole tables are 150,000 rows, ~50 MB as objects; these are a few thousand). The milestone test is
 * the rule's own first condition; an inspection is read only when it failed or repeats one (its two loops below).
 */
export function mayNeedReview(row: { milestone: Milestone } | { inspection: Inspection }): boolean {
  if ('milestone' in row) return !row.milestone.actualDate && (row.milestone.kind === 'PSI' || row.milestone.kind === 'Container loading');
  return row.inspection.result === 'Fail' || row.inspection.reinspectionOf !== undefined;
}

export function reviewKey(kind: ReviewKind, recordId: string): string {
  return `${KIND_KEY[kind]}:${recordId}`;
}

export function neededReviews(world: ReviewWorld): { reviews: NeededReview[]; problems: string[] } {
  const today = world.now.toISOString().slice(0, 10);
  const horizon = addDays(today, HORIZON_DAYS);
  const projects = new Map(world.projects.map((p) => [p.id, p]));
  const pos = new Map(world.pos.map((p) => [p.id, p]));
  const reviews: NeededReview[] = [];
  const problems: string[] = [];

  const add = (kind: ReviewKind, recordId: string, po: PurchaseOrder | undefined, project: Project, window: [string, string], withFactory: boolean, what: string) => {
    const attendees = attendeesOf(world, project, withFactory ? po : undefined);
    if (typeof attendees === 'string') {
      problems.push(`${po ? `Purchase Orders ${po.poNumber}` : `Projects ${project.project}`}: ${attendees}; no ${kind.toLowerCase()} review invite`);
      return;
    }
    reviews.push({
      key: reviewKey(kind, recordId),
      kind,
      title: `${TITLES[kind]} · ${what}`,
      ...(po ? { poId: po.id } : {}),
      projectId: project.id,
      window: { from: dayStart(window[0]), to: dayStart(addDays(window[1], 1)) },
      attendees,
    });
  };

  // The failed inspections already passed on re-inspection (one pass over the inspections, not one per failure).
  const passedOnReinspection = new Set<string>();
  for (const i of world.inspections) {
    if (i.reinspectionOf && (i.result === 'Pass' || i.result === 'Conditional pass')) passedOnReinspection.add(i.reinspectionOf);
  }
  for (const inspection of world.inspections) {
    if (inspection.result !== 'Fail' || !inspection.scheduledDate || !inspection.po) continue;
    const po = pos.get(inspection.po);
    const project = po && projects.get(po.project);
    if (!po || !project || CLOSED_PO.has(po.status)) continue;
    const passedAgain = passedOnReinspection.has(inspection.id);
    const last = addDays(inspection.scheduledDate, 4);
    if (passedAgain || last < today) continue;
    add('After failed inspection', inspection.id, po, project, [addDays(inspection.scheduledDate, 1), last], true, `${po.poNumber} ${inspection.type} failed`);
  }

  for (const m of world.milestones) {
    if (!mayNeedReview({ milestone: m })) continue;
    const date = m.plannedDate ?? m.baselineDate;
    const po = pos.get(m.po);
    const project = po && projects.get(po.project);
    if (!date || !po || !project || CLOSED_PO.has(po.status) || date <= today || date > horizon) continue;
    if (m.kind === 'PSI') add('Before PSI', m.id, po, project, [addDays(date, -5), addDays(date, -1)], true, `${po.poNumber} PSI on ${date}`);
    else add('Before loading', m.id, po, project, [addDays(date, -3), addDays(date, -1)], false, `${po.poNumber} loading on ${date}`);
  }

  for (const project of world.projects) {
    const date = project.closureMeetingDate;
    if (!date || date < today || date > horizon) continue;
    add('Closure meeting', project.id, undefined, project, [date, date], false, project.project);
  }
  return { reviews, problems };
}

/** The agent, the client's first contact and (when allowed) the factory; a reason when someone is missing. */
function attendeesOf(world: ReviewWorld, project: Project, po: PurchaseOrder | undefined): ReviewAttendee[] | string {
  const agent = world.people.find((p) => p.id === project.agent);
  if (!agent) return 'the project has no agent';
  const recipient = recipientOf(agent);
  if (!recipient.ok) return `the agent ${agent.name}: ${recipient.reason}`;
  const attendees: ReviewAttendee[] = [{ email: recipient.recipient.email, name: agent.name, role: 'agent', profile: recipient.recipient.profile }];
  const client = world.clients.find((c) => c.id === project.client);
  const contact = client?.contactEmails[0];
  if (!client || !contact) return 'the client has no contact email';
  if (!client.timeZone) return `the client ${client.name} has no time zone`;
  attendees.push({ email: contact, ...(client.contactName ? { name: client.contactName } : {}), role: 'client', profile: office(client.timeZone) });
  if (po && world.mayMeet(client.id, po.supplier)) {
    const supplier = world.suppliers.find((s) => s.id === po.supplier);
    if (supplier?.email) attendees.push({ email: supplier.email, name: supplier.contact ?? supplier.name, role: 'factory', profile: office(supplier.timeZone) });
  }
  return attendees;
}

function office(timeZone: string): WorkingHoursProfile {
  return { timeZone, ...OFFICE };
}

function dayStart(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}
