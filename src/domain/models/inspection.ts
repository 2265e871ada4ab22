/** Inspections: IPI / DUPRO / PSI / CLC and factory audits, with the AQL plan and what was found. */
import { AQL_VALUES, INSPECTION_LEVELS } from './choices.ts';
import { aql, attachments, date, link, number, requiredSelect, requiredText, select, text } from './cells.ts';
import { defineModel, type ModelRecord } from './parse-records.ts';

export const INSPECTION_TYPES = ['IPI', 'DUPRO', 'PSI', 'CLC', 'Factory audit'] as const;
export type InspectionType = (typeof INSPECTION_TYPES)[number];
export const INSPECTION_RESULTS = ['Pending', 'Pass', 'Fail', 'Conditional pass'] as const;
export type InspectionResult = (typeof INSPECTION_RESULTS)[number];
export const INSPECTION_SEVERITIES = ['Normal', 'Tightened', 'Reduced'] as const;

const count = () => number({ integer: true, min: 0 });

export const inspections = defineModel(
  'Inspections',
  {
    inspection: 'Inspection',
    po: 'PO',
    supplier: 'Supplier',
    type: 'Type',
    scheduledDate: 'Scheduled date',
    inspectionDate: 'Inspection date',
    inspector: 'Inspector',
    lotSize: 'Lot size',
    inspectionLevel: 'Inspection level',
    aqlCritical: 'AQL critical',
    aqlMajor: 'AQL major',
    aqlMinor: 'AQL minor',
    sampleSize: 'Sample size',
    acceptCritical: 'Accept critical',
    rejectCritical: 'Reject critical',
    acceptMajor: 'Accept major',
    rejectMajor: 'Reject major',
    acceptMinor: 'Accept minor',
    rejectMinor: 'Reject minor',
    criticalFound: 'Critical defects found',
    majorFound: 'Major defects found',
    minorFound: 'Minor defects found',
    result: 'Result',
    report: 'Report',
    photos: 'Photos',
    reinspectionOf: 'Re-inspection of',
    goodsReadyDate: 'Goods ready date',
    syncIssues: 'Sync issues',
    severity: 'Inspection severity',
    switchingReason: 'Switching reason',
  } as const,
  {
    inspection: requiredText(),
    po: link(),
    /** For factory audits, which have no PO. */
    supplier: link(),
    type: requiredSelect(INSPECTION_TYPES),
    scheduledDate: date(),
    inspectionDate: date(),
    inspector: text(),
    lotSize: count(),
    inspectionLevel: select(INSPECTION_LEVELS),
    aqlCritical: aql(AQL_VALUES),
    aqlMajor: aql(AQL_VALUES),
    aqlMinor: aql(AQL_VALUES),
    sampleSize: count(),
    acceptCritical: count(),
    rejectCritical: count(),
    acceptMajor: count(),
    rejectMajor: count(),
    acceptMinor: count(),
    rejectMinor: count(),
    criticalFound: count(),
    majorFound: count(),
    minorFound: count(),
    result: select(INSPECTION_RESULTS),
    report: attachments(),
    photos: attachments(),
    reinspectionOf: link(),
    /** When the factory says the goods will be ready (supplier portal). */
    goodsReadyDate: date(),
    syncIssues: text(),
    /** ISO 2859-1 switching state of this inspection's plan (system): normal, tightened or reduced. */
    severity: select(INSPECTION_SEVERITIES),
    switchingReason: text(),
  },
);

export type Inspection = ModelRecord<typeof inspections>;
