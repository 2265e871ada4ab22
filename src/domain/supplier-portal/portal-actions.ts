/**
 * The six things a factory can do in the portal, from form fields to the Airtable changes they make. Pure: the
 * job reads the supplier's POs, calls `planAction`, then writes what it answers. Every action is one Updates row
 * (Source "Supplier portal", with who and when, keyed by the form's idempotency key) plus the PO, milestone or
 * inspection fields it changes. Nothing here clears or deletes a value the agency entered: a factory never moves
 * a planned date itself (it proposes one), and a rejection keeps the PO as it was.
 */
import { z } from 'zod';
import { addDays, type IsoDate } from '../calendar/iso-date.ts';
import { inspections as inspectionModel } from '../models/inspection.ts';
import { milestones as milestoneModel, MILESTONE_KINDS, type MilestoneKind } from '../models/milestone.ts';
import { purchaseOrders } from '../models/purchase-order.ts';
import type { PoView } from './supplier-view.ts';

const M = milestoneModel.fields;
const P = purchaseOrders.fields;
const I = inspectionModel.fields;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'is not a date (YYYY-MM-DD)');
const shortText = (max: number) => z.string().trim().max(max, `is longer than ${max} characters`);
const kind = z.enum(MILESTONE_KINDS);

export const ActionForm = z.discriminatedUnion('action', [
  z.object({ action: z.literal('acknowledge'), decision: z.enum(['confirm', 'reject']), reason: shortText(1000).optional() }),
  z.object({ action: z.literal('milestone-done'), milestone: kind, date: isoDate.optional().or(z.literal('')) }),
  z.object({ action: z.literal('propose-date'), milestone: kind, date: isoDate, reason: shortText(1000).min(3, 'needs a reason') }),
  z.object({ action: z.literal('progress'), percent: z.coerce.number().int('must be a whole number').min(0).max(100) }),
  z.object({ action: z.literal('goods-ready'), inspection: shortText(200).min(1), date: isoDate }),
  z.object({ action: z.literal('post-update'), about: shortText(200).optional(), message: shortText(4000).optional() }),
]);
export type ActionForm = z.infer<typeof ActionForm>;

/** The form's idempotency key: random, generated when the page is rendered. */
export const FORM_KEY = /^[A-Za-z0-9_-]{16,64}$/;

export interface ActionContext {
  po: PoView;
  supplierName: string;
  /** The name the person typed, if any. */
  personName?: string | undefined;
  /** Today in the factory's zone (Asia/Shanghai). */
  today: IsoDate;
  now: Date;
}

export interface PlannedAction {
  /** One Updates row: headline and text in the factory's words (bilingual labels). */
  update: { title: string; text: string; milestoneId?: string | undefined; inspectionId?: string | undefined };
  po?: Record<string, unknown> | undefined;
  milestone?: { id: string; fields: Record<string, unknown> } | undefined;
  inspection?: { id: string; fields: Record<string, unknown> } | undefined;
  /** A proposed date, for the reply and the ship-by effect. */
  proposal?: { milestone: MilestoneKind; from?: IsoDate | undefined; to: IsoDate } | undefined;
}

export class ActionRefused extends Error {}

/** A date a factory may give: not in the past beyond a year, not absurdly far ahead. */
function plausible(date: IsoDate, today: IsoDate, what: string): void {
  if (date < addDays(today, -366) || date > addDays(today, 730)) throw new ActionRefused(`${what} ${date} is not a plausible date`);
}

export function planAction(form: ActionForm, ctx: ActionContext): PlannedAction {
  const { po } = ctx;
  const head = (what: string) => `${po.poNumber} · ${what}`;
  const factoryMilestone = (k: MilestoneKind) => {
    const m = po.milestones.find((x) => x.kind === k);
    if (!m) throw new ActionRefused(`${po.poNumber} has no milestone "${k}"`);
    if (!m.factoryOwned) throw new ActionRefused(`"${k}" is set by the agency, not the factory`);
    return m;
  };
  switch (form.action) {
    case 'acknowledge': {
      if (form.decision === 'reject' && !form.reason) throw new ActionRefused('a rejection needs a reason');
      const confirmed = form.decision === 'confirm';
      return {
        update: { title: head(confirmed ? '订单已确认 / PO confirmed' : '订单被拒绝 / PO rejected'), text: confirmed ? 'The factory confirmed the order.' : `The factory rejected the order: ${form.reason ?? ''}` },
        po: {
          [P.supplierAcknowledgement]: confirmed ? 'Confirmed' : 'Rejected',
          [P.supplierAcknowledgedAt]: ctx.now.toISOString(),
          ...(confirmed ? {} : { [P.supplierRejectionReason]: form.reason }),
        },
      };
    }
    case 'milestone-done': {
      const m = factoryMilestone(form.milestone);
      const date = form.date || ctx.today;
      if (date > ctx.today) throw new ActionRefused(`"${form.milestone}" cannot be done on ${date}, after today`);
      plausible(date, ctx.today, 'Done date');
      return {
        update: { title: head(`${form.milestone} done`), text: `The factory marked "${form.milestone}" done on ${date}.`, milestoneId: m.id },
        milestone: { id: m.id, fields: { [M.actualDate]: date, [M.progress]: 1, [M.updatedVia]: 'Supplier portal' } },
      };
    }
    case 'propose-date': {
      const m = factoryMilestone(form.milestone);
      if (m.actualDate) throw new ActionRefused(`"${form.milestone}" is already done`);
      plausible(form.date, ctx.today, 'Proposed date');
      return {
        update: {
          title: head(`${form.milestone}: new date proposed`),
          text: `The factory proposes ${form.date} instead of ${m.plannedDate ?? '(no date)'} for "${form.milestone}". Reason: ${form.reason}`,
          milestoneId: m.id,
        },
        milestone: {
          id: m.id,
          fields: { [M.proposedDate]: form.date, [M.proposalReason]: form.reason, [M.proposalStatus]: 'Proposed', [M.proposedAt]: ctx.now.toISOString(), [M.updatedVia]: 'Supplier portal' },
        },
        proposal: { milestone: form.milestone, from: m.plannedDate, to: form.date },
      };
    }
    case 'progress':
      return {
        update: { title: head(`生产进度 ${form.percent}% / production ${form.percent}%`), text: `The factory reports ${form.percent}% of the order produced.` },
        po: { [P.productionProgress]: form.percent / 100 },
      };
    case 'goods-ready': {
      const inspection = po.inspections.find((i) => i.label === form.inspection);
      if (!inspection) throw new ActionRefused(`${po.poNumber} has no inspection "${form.inspection}"`);
      plausible(form.date, ctx.today, 'Goods ready date');
      return {
        update: { title: head(`goods ready for ${inspection.type} on ${form.date}`), text: `The factory says goods will be ready for ${inspection.label} on ${form.date}.`, inspectionId: inspection.id },
        inspection: { id: inspection.id, fields: { [I.goodsReadyDate]: form.date } },
      };
    }
    case 'post-update': {
      const about = resolveAbout(po, form.about);
      return {
        update: { title: head(about.title), text: form.message ?? '', milestoneId: about.milestoneId, inspectionId: about.inspectionId },
      };
    }
  }
}

/** `about` is "po", "milestone:<kind>" or "inspection:<label>", as the form's select offers them. */
function resolveAbout(po: PoView, about: string | undefined): { title: string; milestoneId?: string; inspectionId?: string } {
  if (!about || about === 'po') return { title: '工厂更新 / factory update' };
  if (about.startsWith('milestone:')) {
    const m = po.milestones.find((x) => x.kind === about.slice('milestone:'.length));
    if (!m) throw new ActionRefused(`${po.poNumber} has no milestone "${about.slice(10)}"`);
    return { title: `${m.kind} · factory update`, milestoneId: m.id };
  }
  if (about.startsWith('inspection:')) {
    const i = po.inspections.find((x) => x.label === about.slice('inspection:'.length));
    if (!i) throw new ActionRefused(`${po.poNumber} has no inspection "${about.slice(11)}"`);
    return { title: `${i.type} · factory photos`, inspectionId: i.id };
  }
  throw new ActionRefused(`"${about}" is not something on ${po.poNumber}`);
}
