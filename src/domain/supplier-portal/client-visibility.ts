/**
 * What a factory may learn about the end client through the supplier portal. The agency's confidentiality policy
 * (issue 10) will own this rule; until it lands this is the one place that decides, and it decides: nothing but
 * the agency. The factory sees the agency as its buyer; client names, projects, destinations and prices to the
 * client never reach the portal.
 */
export interface FactoryBuyerView {
  /** Who the factory is making the goods for, as the factory may see it. */
  buyer: string;
}

export function factoryViewOfClient(agency: { name: string; legalNameZh?: string | undefined }, lang: 'zh' | 'en'): FactoryBuyerView {
  return { buyer: lang === 'zh' && agency.legalNameZh ? agency.legalNameZh : agency.name };
}
