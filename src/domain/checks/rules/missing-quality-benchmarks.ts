/**
 * Phase-1 gate: once a project leaves inquiry and planning it needs its quality benchmarks (AQL for critical,
 * major and minor defects and the inspection level), or inspections have nothing to be judged against.
 */
import { finding, listing, type CheckRule, type Finding } from '../finding.ts';
import { ownerOf } from '../po-facts.ts';

export const RULE = 'missing-quality-benchmarks';

export const missingQualityBenchmarks: CheckRule = {
  rule: RULE,
  title: 'Project without quality benchmarks',
  check(s) {
    const out: Finding[] = [];
    for (const project of s.projects) {
      if (project.phase === 'Inquiry & planning' || project.phase === 'Closed') continue;
      const missing: string[] = [];
      if (project.aqlCritical === undefined) missing.push('AQL critical');
      if (project.aqlMajor === undefined) missing.push('AQL major');
      if (project.aqlMinor === undefined) missing.push('AQL minor');
      if (project.inspectionLevel === undefined) missing.push('inspection level');
      if (missing.length === 0) continue;
      out.push(
        finding(RULE, [project.id], {
          severity: 'Warning',
          message:
            `Project ${project.project} is in ${project.phase} without ${listing(missing)}. ` +
            'Please set the quality benchmarks (usual: critical 0, major 2.5, minor 4.0, level II) before inspections are booked.',
          links: { project: project.id },
          owner: ownerOf(s, project.agent),
        }),
      );
    }
    return out;
  },
};
