/**
 * Phase-2 gate: a PO placed (or later) with a supplier that is not approved, has no valid passed audit, lacks a
 * certification the project requires, or lacks the monthly capacity for the order within its lead time. One
 * finding per PO lists every gap; Critical for a blocked supplier or a failed audit. (A certificate that expires
 * during the order is certificate-expiring's finding.)
 */
import type { Severity } from '../../models/alert.ts';
import { dayDiff } from '../day-math.ts';
import { days, finding, listing, maxSeverity, type CheckRule, type Finding } from '../finding.ts';
import { poLinks, poOwner, projectOf, statusBetween } from '../po-facts.ts';

export const RULE = 'supplier-not-qualified';

const DAYS_PER_MONTH = 30;

export const supplierNotQualified: CheckRule = {
  rule: RULE,
  title: 'PO placed with a supplier that does not pass the evaluation gate',
  perPo: true,
  check(s, clock, settings) {
    const out: Finding[] = [];
    for (const po of s.purchaseOrders) {
      if (!statusBetween(po, 'PO placed', 'Ready to ship')) continue;
      const supplier = s.supplier.get(po.supplier);
      if (!supplier) continue;
      const gaps: { severity: Severity; text: string }[] = [];
      if (supplier.status !== 'Approved') {
        gaps.push({ severity: supplier.status === 'Blocked' ? 'Critical' : 'Warning', text: `its status is ${supplier.status}, not Approved` });
      }
      const audit = supplier.auditStatus ?? 'Not audited';
      if (audit === 'Failed') gaps.push({ severity: 'Critical', text: 'its factory audit failed' });
      else if (audit !== 'Passed' && audit !== 'Passed with CAPA') gaps.push({ severity: 'Warning', text: `it has no passed audit (${audit})` });
      else if (supplier.lastAuditDate && dayDiff(supplier.lastAuditDate, clock.today) > settings.auditValidityDays) {
        gaps.push({ severity: 'Warning', text: `its last audit (${supplier.lastAuditDate}) is older than ${days(settings.auditValidityDays)}` });
      }
      const required = projectOf(s, po)?.certificationsRequired ?? [];
      const missing = required.filter((c) => !supplier.certifications.includes(c));
      if (missing.length > 0) gaps.push({ severity: 'Warning', text: `it lacks ${listing(missing)}, required by the project` });
      const quantity = s.quantityByPo.get(po.id);
      if (supplier.monthlyCapacity === undefined) {
        gaps.push({ severity: 'Info', text: 'its monthly capacity is not recorded' });
      } else if (quantity !== undefined && po.leadTimeDays !== undefined) {
        const available = Math.floor(supplier.monthlyCapacity * settings.capacityShare * (po.leadTimeDays / DAYS_PER_MONTH));
        if (quantity > available) {
          gaps.push({
            severity: 'Warning',
            text: `${quantity.toLocaleString('en-US')} units in ${days(po.leadTimeDays)} exceed its capacity of ${available.toLocaleString('en-US')} (${supplier.monthlyCapacity.toLocaleString('en-US')} a month)`,
          });
        }
      }
      if (gaps.length === 0) continue;
      out.push(
        finding(RULE, [po.id], {
          severity: maxSeverity(gaps.map((g) => g.severity)),
          message:
            `${po.poNumber} is placed with ${supplier.name}, but ${listing(gaps.map((g) => g.text))}. ` +
            'Please complete the supplier evaluation (audit, certificates, capacity) or move the order to an approved supplier.',
          links: poLinks(po),
          owner: poOwner(s, po),
        }),
      );
    }
    return out;
  },
};
