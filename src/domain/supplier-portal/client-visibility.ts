/**
 * What a factory may learn about the end client through the supplier portal: nothing but the agency, whatever the
 * Disclosures table allows. The portal's pages list a factory's POs across all the agency's clients, so the buyer
 * line is one per factory; naming a client there would need a per-PO policy read on every page view for a detail the
 * factory already has in its contract (the contract applies the Disclosures policy, see buyer-shown-to-factory.ts).
 * Client names, projects, destinations and prices to the client never reach the portal.
 */
export interface FactoryBuyerView {
  /** Who the factory is making the goods for, as the factory may see it. */
  buyer: string;
}

export function factoryViewOfClient(agency: { name: string; legalNameZh?: string | undefined }, lang: 'zh' | 'en'): FactoryBuyerView {
  return { buyer: lang === 'zh' && agency.legalNameZh ? agency.legalNameZh : agency.name };
}
