/**
 * AQL plan inconsistent with the lot size: an inspection that has been judged used a sample size or
 * accept/reject numbers other than ISO 2859-1 gives for its lot (level II by default), so its result may not
 * hold. Inspections not yet judged are corrected by the write-back instead (computed-fields.ts), silently.
 */
import { checkInspectionPlan } from '../../quality/inspection-plan-check.ts';
import { finding, type CheckRule, type Finding } from '../finding.ts';
import { inspectionPlan, isJudged, matchesPlan } from '../inspection-plan.ts';
import { isOpen, poLinks, poOwner } from '../po-facts.ts';

export const RULE = 'aql-plan-mismatch';

export const aqlPlanMismatch: CheckRule = {
  rule: RULE,
  title: 'AQL plan inconsistent with the lot size',
  check(s) {
    const out: Finding[] = [];
    for (const i of s.inspections) {
      const po = i.po === undefined ? undefined : s.po.get(i.po);
      if (po && !isOpen(po)) continue;
      const outcome = inspectionPlan(s, i);
      if (outcome.kind === 'none') continue;
      // Not judged yet: the write-back corrects it silently. Judged on exactly the plan's numbers: consistent.
      if (outcome.kind === 'plan' && (!isJudged(i) || matchesPlan(i, outcome.fields))) continue;
      const links = { ...(po ? poLinks(po) : { supplier: i.supplier }), inspection: i.id };
      const owner = po ? poOwner(s, po, i.type === 'IPI' || i.type === 'DUPRO' ? i.type : 'PSI') : undefined;
      if (outcome.kind === 'error') {
        out.push(
          finding(RULE, [i.id], {
            severity: 'Warning',
            message: `${i.inspection}: no AQL plan can be computed (${outcome.message}). Please correct the lot size, level or AQLs.`,
            links,
            owner,
          }),
        );
        continue;
      }
      const check = checkInspectionPlan(
        {
          sampleSize: i.sampleSize ?? null,
          critical: { accept: i.acceptCritical ?? null, reject: i.rejectCritical ?? null },
          major: { accept: i.acceptMajor ?? null, reject: i.rejectMajor ?? null },
          minor: { accept: i.acceptMinor ?? null, reject: i.rejectMinor ?? null },
        },
        outcome.plan,
      );
      if (check.consistent) continue;
      out.push(
        finding(RULE, [i.id], {
          severity: 'Warning',
          message:
            `${i.inspection} (${i.result ?? 'no result'}) was judged on a plan that does not fit lot ${i.lotSize}: ` +
            `${check.issues.map((x) => x.message).join('; ')}. Please ask the inspector whether the result holds, or re-inspect.`,
          links,
          owner,
        }),
      );
    }
    return out;
  },
};
