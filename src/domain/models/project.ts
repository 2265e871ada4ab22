/** Projects: one sourcing project of one client, from inquiry to closure. */
import { AQL_VALUES, CERTIFICATIONS, CURRENCIES, INSPECTION_LEVELS } from './choices.ts';
import { aql, date, link, multiSelect, number, percentOr, requiredSelect, requiredText, select, text } from './cells.ts';
import { defineModel, type ModelRecord } from './parse-records.ts';

/** The five lifecycle phases, then Closed. */
export const PHASES = [
  'Inquiry & planning',
  'Supplier evaluation',
  'Negotiation & contracting',
  'Production',
  'Delivery & documentation',
  'Closed',
] as const;
export type Phase = (typeof PHASES)[number];

export const ORDER_TYPES = ['One-off', 'Long-term'] as const;

/** Schedule buffer used when "Buffer %" is empty (the template's documented default). */
export const DEFAULT_BUFFER = 0.12;

export const projects = defineModel(
  'Projects',
  {
    project: 'Project',
    client: 'Client',
    product: 'Product',
    specification: 'Specification',
    budget: 'Budget',
    currency: 'Currency',
    orderType: 'Order type',
    certificationsRequired: 'Certifications required',
    destinationCountry: 'Destination country',
    targetDeliveryDate: 'Target delivery date',
    targetLeadTimeDays: 'Target lead time days',
    phase: 'Phase',
    agent: 'Agent',
    buffer: 'Buffer %',
    aqlCritical: 'AQL critical',
    aqlMajor: 'AQL major',
    aqlMinor: 'AQL minor',
    inspectionLevel: 'Inspection level',
    sourcingPlan: 'Sourcing plan',
    lessonsLearned: 'Lessons learned',
    closureMeetingDate: 'Closure meeting date',
    notionPage: 'Notion page',
    driveFolder: 'Drive folder',
    syncIssues: 'Sync issues',
    portalSyncHash: 'Portal sync hash',
  } as const,
  {
    project: requiredText(),
    client: link(),
    product: text(),
    specification: text(),
    /** In the project's currency. */
    budget: number({ min: 0 }),
    currency: select(CURRENCIES),
    orderType: select(ORDER_TYPES),
    certificationsRequired: multiSelect(CERTIFICATIONS),
    destinationCountry: text(),
    targetDeliveryDate: date(),
    targetLeadTimeDays: number({ integer: true, min: 0 }),
    phase: requiredSelect(PHASES),
    agent: link(),
    /** Fraction (0.12 = 12 %), DEFAULT_BUFFER when empty. */
    buffer: percentOr(DEFAULT_BUFFER),
    /** AQL as a number (2.5); undefined when not set. */
    aqlCritical: aql(AQL_VALUES),
    aqlMajor: aql(AQL_VALUES),
    aqlMinor: aql(AQL_VALUES),
    inspectionLevel: select(INSPECTION_LEVELS),
    sourcingPlan: text(),
    lessonsLearned: text(),
    closureMeetingDate: date(),
    notionPage: text(),
    driveFolder: text(),
    syncIssues: text(),
    /** What the project's portal page showed when last written (kept here, not on the page the client reads). */
    portalSyncHash: text(),
  },
);

export type Project = ModelRecord<typeof projects>;
