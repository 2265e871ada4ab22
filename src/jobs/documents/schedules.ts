/**
 * The production schedule (Gantt chart) of one PO, published into the project folder next to its other POs'.
 *
 * Its Documents row carries the hash of its INPUTS: the chart built from the PO's milestones, inspections and
 * facts with the "as of" day left out. So a schedule is re-rendered whenever a milestone date changes (an
 * interrupted plan finished by the next cycle heals it), and not merely because a day has passed.
 */
import { documentFileName, documentKey } from '../../domain/drive-layout/document-places.ts';
import { buildScheduleChart, type ScheduleInput } from '../../domain/schedule-chart/schedule-chart.ts';
import { renderProductionSchedule } from '../../documents/production-schedule.ts';
import { contentHash } from '../../lib/content-hash.ts';
import type { PackPlace } from './export-packs.ts';
import { publishDocument, type PublishContext, type PublishOutcome } from './publish-document.ts';

/** Bump when the Gantt layout changes. */
export const SCHEDULE_RENDER_VERSION = 'production-schedule/3';

/** The "as of" day the input hash is computed with: a fixed day, so the hash depends on the data only. */
const INPUT_HASH_AS_OF = '0001-01-01';

export async function publishSchedule(ctx: PublishContext, input: ScheduleInput, place: PackPlace, author: string): Promise<PublishOutcome> {
  const chart = buildScheduleChart(input);
  const { po } = input;
  return publishDocument(ctx, {
    slot: { kind: 'production-schedule', projectId: input.project?.id, poId: po.id },
    fileName: documentFileName('production-schedule', { poNumber: po.poNumber }),
    rowName: `Production schedule ${po.poNumber}`,
    key: documentKey('production-schedule', po.id),
    contentHash: scheduleInputHash(input, author),
    target: place.target,
    access: place.access,
    description: chart.summary,
    render: () => renderProductionSchedule(chart, { author }),
  });
}

/** The hash of what the schedule is built from (see the header). */
export function scheduleInputHash(input: ScheduleInput, author: string): string {
  return contentHash({ chart: buildScheduleChart({ ...input, asOf: INPUT_HASH_AS_OF }), author }, SCHEDULE_RENDER_VERSION);
}
