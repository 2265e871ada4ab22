/**
 * ISO 2859-1 switching rules over a supplier's continuing series of lots (clause 9):
 * - normal → tightened when 2 of 5 or fewer consecutive lots were rejected on original inspection;
 * - tightened → normal after 5 consecutive lots accepted; 5 lots rejected while tightened discontinue acceptance
 *   inspection until the supplier has corrected the process (the state stays tightened and says so);
 * - normal → reduced after 10 consecutive lots accepted at normal, when production is steady and the responsible
 *   authority approves (two checkboxes on Suppliers);
 * - reduced → normal when a lot is rejected, or accepted only conditionally (a count between Ac and Re), or
 *   production is no longer steady, or the approval is withdrawn.
 *
 * Choice: the series is per supplier, not per supplier and product. A sourcing agency rarely sees five lots of one
 * SKU from one factory, while the factory's quality system (what the rules judge) is shared by its products; an
 * agency that wants a per-product series can split the supplier. Only original inspections count (a re-inspection
 * of a rejected lot does not), which is what the standard asks.
 */
import type { Severity } from './switched-plans.ts';

export type LotOutcome = 'accepted' | 'rejected' | 'conditional';

export interface Lot {
  /** What people read: "PSI PO-2406 (12 Feb 2026)". */
  label: string;
  outcome: LotOutcome;
}

export interface SwitchingConditions {
  productionSteady: boolean;
  reducedApproved: boolean;
}

export interface SwitchingState {
  severity: Severity;
  /** Why, in words an inspector reads on the inspection. */
  reason: string;
  /** Five lots rejected under tightened inspection: acceptance inspection is discontinued. */
  discontinued: boolean;
}

const INITIAL: SwitchingState = { severity: 'Normal', reason: 'Normal inspection: no earlier lots of this supplier switch it.', discontinued: false };

/**
 * The state before each lot and after the last: `states[k]` applies to lot k, `states[lots.length]` to the next
 * inspection. Conditions are the supplier's current ones.
 */
export function switchingStates(lots: readonly Lot[], conditions: SwitchingConditions): SwitchingState[] {
  const states: SwitchingState[] = [INITIAL];
  let state = INITIAL;
  // Lots judged in the current state, newest last.
  let run: Lot[] = [];
  const enter = (severity: Severity, reason: string, discontinued = false) => {
    state = { severity, reason, discontinued };
    run = [];
  };
  for (const lot of lots) {
    run.push(lot);
    const accepted = lot.outcome !== 'rejected';
    if (state.severity === 'Normal') {
      const lastFive = run.slice(-5);
      const rejected = lastFive.filter((l) => l.outcome === 'rejected');
      if (rejected.length >= 2) {
        enter('Tightened', `Tightened inspection: 2 of ${lastFive.length} consecutive lots rejected under normal inspection (${rejected.map((l) => l.label).join(', ')}); back to normal after 5 consecutive accepted lots.`);
      } else {
        const streak = trailingAccepted(run);
        if (streak >= 10 && conditions.productionSteady && conditions.reducedApproved) {
          enter('Reduced', `Reduced inspection: ${streak} consecutive lots accepted under normal inspection (last: ${lot.label}), production steady and reduced inspection approved.`);
        } else {
          state = { ...state, reason: normalReason(streak, conditions) };
        }
      }
    } else if (state.severity === 'Tightened') {
      const rejectedHere = run.filter((l) => l.outcome === 'rejected').length;
      if (rejectedHere >= 5) {
        state = { severity: 'Tightened', discontinued: true, reason: `Acceptance inspection discontinued: ${rejectedHere} lots rejected under tightened inspection (last: ${lot.label}); resume under tightened inspection once the supplier has corrected the process.` };
      } else if (trailingAccepted(run) >= 5 && !state.discontinued) {
        enter('Normal', `Normal inspection: 5 consecutive lots accepted under tightened inspection (last: ${lot.label}).`);
      } else {
        const streak = trailingAccepted(run);
        state = { ...state, reason: state.discontinued ? state.reason : `Tightened inspection: ${streak} of the 5 consecutive accepted lots needed to return to normal (last: ${lot.label}, ${accepted ? 'accepted' : 'rejected'}).` };
      }
    } else if (!accepted || lot.outcome === 'conditional') {
      enter('Normal', `Normal inspection: ${lot.label} was ${accepted ? 'accepted only conditionally' : 'rejected'} under reduced inspection.`);
    }
    if (state.severity === 'Reduced' && (!conditions.productionSteady || !conditions.reducedApproved)) {
      enter('Normal', `Normal inspection: reduced inspection ${!conditions.reducedApproved ? 'is no longer approved' : 'needs steady production'} ("${!conditions.reducedApproved ? 'Reduced inspection approved' : 'Production steady'}" on the supplier).`);
    }
    states.push(state);
  }
  return states;
}

function trailingAccepted(run: readonly Lot[]): number {
  let n = 0;
  for (let i = run.length - 1; i >= 0 && run[i]?.outcome !== 'rejected'; i -= 1) n += 1;
  return n;
}

function normalReason(streak: number, c: SwitchingConditions): string {
  if (streak < 10) return `Normal inspection: ${streak} consecutive lots accepted (reduced inspection needs 10, steady production and approval).`;
  const missing = [!c.productionSteady ? '"Production steady"' : '', !c.reducedApproved ? '"Reduced inspection approved"' : ''].filter(Boolean).join(' and ');
  return `Normal inspection: ${streak} consecutive lots accepted; reduced inspection needs ${missing} ticked on the supplier.`;
}
