/**
 * Badges on the purchase-order board cards: open alerts (count, coloured by the most severe) and schedule health
 * (the most advanced status among the PO's milestones not yet done). Words, order and colours all come from the
 * base itself (the choices of Alerts.Severity and Milestones.Status, in their order and colours), so the board can
 * never disagree with the words the jobs write.
 */
import type { FieldDef, TableDef } from '../airtable/store.ts';
import type { BaseView } from './airtable-data.ts';
import { colorClass, html, type SafeHtml } from './html.ts';
import { openAlerts } from './alerts-panel.ts';

interface Choice {
  name: string;
  color?: string;
}

const choicesOf = (field: FieldDef | undefined): Choice[] => (field?.options?.['choices'] as Choice[] | undefined) ?? [];
const linkField = (table: TableDef, to: TableDef) => table.fields.find((f) => f.type === 'multipleRecordLinks' && f.options?.['linkedTableId'] === to.id);

export type CardBadges = (recordId: string) => SafeHtml;

export function boardBadges(view: BaseView, poTable: TableDef): CardBadges {
  const alerts = new Map<string, { n: number; worst: Choice | undefined; rank: number }>();
  const found = openAlerts(view);
  const alertPo = found ? linkField(found.table, poTable) : undefined;
  if (found && alertPo) {
    const levels = choicesOf(found.severity);
    for (const alert of found.open) {
      const level = found.severity ? String(alert.cells[found.severity.id] ?? '') : '';
      const rank = levels.findIndex((c) => c.name === level);
      for (const po of (alert.cells[alertPo.id] as string[] | undefined) ?? []) {
        const entry = alerts.get(po) ?? { n: 0, worst: undefined, rank: -1 };
        entry.n += 1;
        if (rank > entry.rank) Object.assign(entry, { rank, worst: levels[rank] });
        alerts.set(po, entry);
      }
    }
  }

  const health = new Map<string, Choice>();
  const milestones = view.tables.find((t) => t.name === 'Milestones');
  const status = milestones?.fields.find((f) => f.name === 'Status' && f.type === 'singleSelect');
  const actual = milestones?.fields.find((f) => f.name === 'Actual date');
  const msPo = milestones ? linkField(milestones, poTable) : undefined;
  if (milestones && status && msPo) {
    const order = choicesOf(status);
    for (const m of view.records(milestones)) {
      // A milestone with its actual date is done: it no longer says anything about the schedule's health.
      if (actual && m.cells[actual.id] !== undefined) continue;
      const rank = order.findIndex((c) => c.name === m.cells[status.id]);
      if (rank < 0) continue;
      for (const po of (m.cells[msPo.id] as string[] | undefined) ?? []) {
        const current = health.get(po);
        if (!current || rank > order.indexOf(current)) health.set(po, order[rank]!);
      }
    }
  }

  return (recordId) => {
    const a = alerts.get(recordId);
    const h = health.get(recordId);
    if (!a && !h) return html``;
    return html`<div class="badges">${h ? html`<span class="chip ${colorClass('at', h.color)}" data-health="${h.name}" title="Schedule health: the most advanced status of its open milestones">${h.name}</span>` : ''}${
      a ? html`<span class="chip ${colorClass('at', a.worst?.color)}" data-alerts="${a.n}" title="Open alerts, coloured by the most severe">⚠ ${a.n} open alert${a.n === 1 ? '' : 's'}${a.worst ? ` · ${a.worst.name}` : ''}</span>` : ''
    }</div>`;
  };
}
