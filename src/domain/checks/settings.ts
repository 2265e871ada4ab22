/**
 * Every threshold, weight and "N days" of the checks in one zod-validated object. Sources disagree on most of
 * them (domain.md §6.5, §7, §9), so they are settings with documented defaults, not constants in the rules.
 * `resolveCheckSettings({})` gives the defaults; a bad value is refused with its path named.
 */
import { z } from 'zod';
import { DOCUMENT_KINDS } from '../models/document.ts';
import { MILESTONE_KINDS } from '../models/milestone.ts';

const days = (fallback: number) => z.number().int().min(0).max(3650).default(fallback);
const share = (fallback: number) => z.number().min(0).max(1).default(fallback);
const weight = (fallback: number) => z.number().min(0).max(100).default(fallback);

const SupplierScoreWeights = z
  .object({
    compliance: weight(20),
    capacity: weight(25),
    /** Quality and delivery history weigh most (domain.md §9: quality 30–40 %, delivery 25–35 %). */
    trackRecord: weight(40),
    communication: weight(15),
  })
  .prefault({})
  .refine((w) => w.compliance + w.capacity + w.trackRecord + w.communication > 0, { error: 'at least one weight must be above 0' });

export const CheckSettingsSchema = z
  .object({
    lateMilestone: z
      .object({
        /** Up to this many days late with buffer left: Info, not Warning. */
        graceDays: days(2),
        /** Critical once the buffer left is at or below this many days. */
        criticalBufferLeftDays: days(0),
      })
      .prefault({}),
    /** A milestone this close whose predecessor is not done is at risk. */
    atRiskWithinDays: days(7),
    /** Remind the owner this many days before a booking falls due while it is not confirmed (no actual date). */
    bookingReminderDays: days(7),
    /** Look for an IPI this many days before production start. */
    ipiLookaheadDays: days(7),
    /** DUPRO between 20 % and 60 % of production (domain.md §6.5, "a fair default"). */
    dupro: z.object({ earliestShare: share(0.2), latestShare: share(0.6) }).prefault({}),
    /** A passed PSI is expected this many days before cargo ready. */
    psiBeforeCargoReadyDays: days(3),
    /** Does a "Conditional pass" count as a passed inspection? */
    conditionalPassCounts: z.boolean().default(true),
    /** Warning when this share of the schedule buffer is used up; Critical at 100 %. */
    bufferWarnShare: share(0.75),
    /** In production without any update for this many days. */
    staleUpdateDays: days(7),
    /** Export documents must exist this many days before ETD. */
    documentsBeforeEtdDays: days(5),
    /** Documents every shipment needs; sea shipments also need a B/L draft, air and express an AWB draft. */
    requiredExportDocuments: z.array(z.enum(DOCUMENT_KINDS)).default(['Commercial invoice', 'Packing list']),
    /** A certificate expiring within this many days is flagged even before production ends. */
    certificateWarningDays: days(30),
    /** Balance payments due within this many days are checked against the PSI. */
    balanceDueWithinDays: days(7),
    /** "Against B/L copy": the balance falls due this many days after ETD. */
    balanceAfterEtdDays: days(3),
    /** Cargo ready ≈ ETD minus this, when the PO has no Cargo ready milestone. */
    cargoReadyBeforeEtdDays: days(4),
    /** Port to the client's door, when the PO has no Delivered milestone. */
    finalMileDays: z.object({ sea: days(7), air: days(3) }).prefault({}),
    /** Goods should arrive this many days before a client peak starts. */
    clientPeakLeadDays: days(7),
    /** CNY factory shutdown risk window around CNY day 1 (domain.md §7.4). */
    cnyShutdown: z.object({ daysBefore: days(21), daysAfter: days(28) }).prefault({}),
    /** Chinese holiday windows treated as Golden Weeks (ids of china-holiday-data.ts). */
    goldenWeeks: z.array(z.string().min(1)).default(['labour-day', 'national-day', 'national-day-mid-autumn']),
    /** An audit older than this is no longer a passed audit (amfori BSCI A/B: 2 years). */
    auditValidityDays: days(730),
    /** Share of a factory's monthly capacity one order may take. */
    capacityShare: share(1),
    /** Milestones a PO in production must have planned. */
    planRequiredKinds: z.array(z.enum(MILESTONE_KINDS)).min(1).default(['Production start', 'Production complete', 'PSI', 'ETD']),
    supplierScore: z
      .object({
        weights: SupplierScoreWeights,
        /** How much of "Track record" comes from the supplier's own on-time and first-pass PSI history. */
        historyShare: share(0.5),
      })
      .prefault({}),
  })
  .strict();

export type CheckSettings = z.output<typeof CheckSettingsSchema>;

export class CheckSettingsError extends Error {
  override readonly name = 'CheckSettingsError';
}

/** The defaults merged with `input`; throws CheckSettingsError naming every bad setting. */
export function resolveCheckSettings(input: unknown = {}): CheckSettings {
  const parsed = CheckSettingsSchema.safeParse(input);
  if (parsed.success) {
    if (parsed.data.dupro.earliestShare > parsed.data.dupro.latestShare) {
      throw new CheckSettingsError('Check settings: dupro.earliestShare must not be above dupro.latestShare');
    }
    return parsed.data;
  }
  const lines = parsed.error.issues.map((i) => `${i.path.join('.') || '(settings)'}: ${i.message}`);
  throw new CheckSettingsError(`Check settings:\n  ${lines.join('\n  ')}`);
}

export const DEFAULT_CHECK_SETTINGS: CheckSettings = resolveCheckSettings({});
