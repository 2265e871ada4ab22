/**
 * A factory's trade name, the word staff actually type. Chinese company names follow "place + trade name + trade
 * + company form" ("Ningbo Huamei Electric Appliance Co., Ltd." is called "Huamei" in every mail), so a hidden
 * factory leaks through "Huamei" in free text long before anyone types its full legal name. The trade name is the
 * first word after the leading place names; a generic word there ("Ningbo Electric …") means there is none.
 */

/** Manufacturing cities and provinces that open company names (the supplier's own city and address count too). */
const PLACES = new Set([
  'anhui', 'beijing', 'changzhou', 'chaozhou', 'chongqing', 'cixi', 'dongguan', 'foshan', 'fujian', 'fuzhou',
  'guangdong', 'guangzhou', 'hangzhou', 'hebei', 'huizhou', 'hunan', 'hubei', 'jiangmen', 'jiangsu', 'jiangxi',
  'jinhua', 'jinjiang', 'nanjing', 'ningbo', 'putian', 'qingdao', 'quanzhou', 'shandong', 'shanghai', 'shantou',
  'shaoxing', 'shenzhen', 'shunde', 'sichuan', 'suzhou', 'taizhou', 'tianjin', 'wenzhou', 'wuxi', 'xiamen',
  'yiwu', 'yongkang', 'yuyao', 'zhejiang', 'zhongshan', 'china', 'hong', 'kong',
]);

/** Words that say what a company does or is, never who it is. */
const GENERIC = new Set([
  'appliance', 'appliances', 'bags', 'company', 'corp', 'corporation', 'electric', 'electrical', 'electronic',
  'electronics', 'export', 'factory', 'garment', 'garments', 'group', 'hardware', 'home', 'household', 'import',
  'industrial', 'industries', 'industry', 'international', 'limited', 'manufacturing', 'metal', 'plastic', 'plastics',
  'products', 'technology', 'textile', 'textiles', 'trading', 'the',
]);

export function tradeNameOf(name: string, placeText = ''): string | undefined {
  const place = placeText.toLowerCase();
  for (const word of name.split(/[^\p{L}\p{N}]+/u).filter(Boolean)) {
    const lower = word.toLowerCase();
    if (PLACES.has(lower) || (lower.length >= 3 && place.includes(lower))) continue;
    return lower.length >= 4 && !GENERIC.has(lower) ? word : undefined;
  }
  return undefined;
}
