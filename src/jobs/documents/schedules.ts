/**
 * The production schedule (Gantt chart) of one PO, published into the project folder next to its other POs'.
 */
import { documentFileName, documentKey } from '../../domain/drive-layout/document-places.ts';
import { buildScheduleChart, type ScheduleInput } from '../../domain/schedule-chart/schedule-chart.ts';
import { renderProductionSchedule } from '../../documents/production-schedule.ts';
import { contentHash } from '../../lib/content-hash.ts';
import type { PackPlace } from './export-packs.ts';
import { publishDocument, type PublishContext, type PublishOutcome } from './publish-document.ts';

/** Bump when the Gantt layout changes. */
export const SCHEDULE_RENDER_VERSION = 'production-schedule/1';

export async function publishSchedule(ctx: PublishContext, input: ScheduleInput, place: PackPlace, author: string): Promise<PublishOutcome> {
  const chart = buildScheduleChart(input);
  const { po } = input;
  return publishDocument(ctx, {
    slot: { kind: 'production-schedule', projectId: input.project?.id, poId: po.id },
    fileName: documentFileName('production-schedule', { poNumber: po.poNumber }),
    rowName: `Production schedule ${po.poNumber}`,
    key: documentKey('production-schedule', po.id),
    contentHash: contentHash({ chart, author }, SCHEDULE_RENDER_VERSION),
    target: place.target,
    access: place.access,
    description: chart.summary,
    render: () => renderProductionSchedule(chart, { author }),
  });
}
