/** Suppliers: factories, with bilingual names and addresses for the supplier portal and export documents. */
import { CERTIFICATIONS } from './choices.ts';
import {
  attachments,
  checkbox,
  date,
  email,
  multiSelect,
  number,
  requiredSelect,
  requiredText,
  select,
  text,
  timeZoneOr,
} from './cells.ts';
import { defineModel, type ModelRecord } from './parse-records.ts';

export const SUPPLIER_STATUSES = ['Candidate', 'Approved', 'Standby', 'Blocked'] as const;
export type SupplierStatus = (typeof SUPPLIER_STATUSES)[number];
export const AUDIT_STATUSES = ['Not audited', 'Scheduled', 'Passed', 'Passed with CAPA', 'Failed'] as const;

/** China has one zone and no DST; the template documents it as the default. */
export const DEFAULT_SUPPLIER_TIME_ZONE = 'Asia/Shanghai';

export const suppliers = defineModel(
  'Suppliers',
  {
    name: 'Name',
    nameZh: 'Name (中文)',
    clientAlias: 'Client alias',
    address: 'Address',
    addressZh: 'Address (中文)',
    cityCluster: 'City / cluster',
    contact: 'Contact',
    email: 'Email',
    phone: 'Phone',
    weChat: 'WeChat',
    timeZone: 'Time zone',
    taxId: 'Tax ID',
    canExportDirectly: 'Can export directly',
    mainProducts: 'Main products',
    certifications: 'Certifications',
    certificationExpiry: 'Certification expiry',
    monthlyCapacity: 'Monthly capacity',
    auditStatus: 'Audit status',
    lastAuditDate: 'Last audit date',
    auditReport: 'Audit report',
    status: 'Status',
    score: 'Score',
    scoreHistory: 'Score history',
    portalKeyVersion: 'Portal key version',
    syncIssues: 'Sync issues',
    reducedInspectionApproved: 'Reduced inspection approved',
    productionSteady: 'Production steady',
  } as const,
  {
    name: requiredText(),
    nameZh: text(),
    /** Shown to clients instead of the name unless the PO says "Show supplier to client". */
    clientAlias: text(),
    address: text(),
    addressZh: text(),
    cityCluster: text(),
    contact: text(),
    email: email(),
    phone: text(),
    weChat: text(),
    timeZone: timeZoneOr(DEFAULT_SUPPLIER_TIME_ZONE),
    /** Unified Social Credit Code (统一社会信用代码) when the factory exports in its own name. */
    taxId: text(),
    canExportDirectly: checkbox(),
    mainProducts: text(),
    certifications: multiSelect(CERTIFICATIONS),
    /** The earliest expiry among the supplier's certificates. */
    certificationExpiry: date(),
    /** Units per month. */
    monthlyCapacity: number({ integer: true, min: 0 }),
    auditStatus: select(AUDIT_STATUSES),
    lastAuditDate: date(),
    auditReport: attachments(),
    status: requiredSelect(SUPPLIER_STATUSES),
    score: number({ min: 0, max: 100 }),
    /** JSON lines, one per closed project (written by the close-project job). */
    scoreHistory: text(),
    /** Bumped to revoke every portal link handed to this supplier. */
    portalKeyVersion: number({ integer: true, min: 0 }),
    syncIssues: text(),
    /** ISO 2859-1: reduced inspection needs the responsible authority's approval (and steady production). */
    reducedInspectionApproved: checkbox(),
    productionSteady: checkbox(),
  },
);

export type Supplier = ModelRecord<typeof suppliers>;
