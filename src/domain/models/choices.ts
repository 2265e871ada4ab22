/**
 * Select options shared by several tables. The template (workspace-templates/airtable-base.json) lists the same
 * choices; test/domain/models-match-template.test.ts fails when the two drift apart, so edit both together.
 */

/** The eleven rules of Incoterms® 2020: seven for any mode, then the four sea/inland-waterway rules. */
export const INCOTERMS = ['EXW', 'FCA', 'CPT', 'CIP', 'DAP', 'DPU', 'DDP', 'FAS', 'FOB', 'CFR', 'CIF'] as const;
export type Incoterm = (typeof INCOTERMS)[number];

/** ISO 4217 codes the agency trades in. */
export const CURRENCIES = ['USD', 'EUR', 'AUD', 'CNY', 'GBP'] as const;
export type Currency = (typeof CURRENCIES)[number];

/** Social, quality and product certifications seen on China factories and required by clients. */
export const CERTIFICATIONS = [
  'BSCI',
  'SMETA',
  'SA8000',
  'ISO 9001',
  'ISO 14001',
  'C-TPAT',
  'CE',
  'UL',
  'ETL',
  'GS',
  'FCC',
  'RoHS',
  'REACH',
  'SAA',
  'LFGB',
  'FDA',
  'FSC',
  'GOTS',
  'OEKO-TEX',
  'GRS',
] as const;
export type Certification = (typeof CERTIFICATIONS)[number];

/**
 * AQL values of ISO 2859-1 offered for critical / major / minor defects. Stored as select options (not numbers)
 * so nobody can type 2.25; "0" means zero tolerance (accept 0, reject 1).
 */
export const AQL_VALUES = ['0', '0.65', '1.0', '1.5', '2.5', '4.0', '6.5'] as const;
export type AqlChoice = (typeof AQL_VALUES)[number];

/** General inspection levels I–III (II is the default) and special levels S-1…S-4. */
export const INSPECTION_LEVELS = ['I', 'II', 'III', 'S-1', 'S-2', 'S-3', 'S-4'] as const;
export type InspectionLevel = (typeof INSPECTION_LEVELS)[number];

export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
