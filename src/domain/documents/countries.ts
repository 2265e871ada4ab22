/**
 * Country codes and English names. Names come from ICU (Intl.DisplayNames) so we carry no country table; input
 * may be an ISO 3166-1 alpha-2 code or an English name as typed in Airtable ("China", "USA").
 */
export interface Country {
  code: string;
  name: string;
}

const DISPLAY = new Intl.DisplayNames(['en'], { type: 'region' });

// User-assigned and grouping codes that ICU names but that are no country (AA, QM–QZ, XA–XZ, ZZ, EU, EZ, UN).
function isReserved(code: string): boolean {
  return code === 'AA' || code === 'ZZ' || code === 'EU' || code === 'EZ' || code === 'UN' ||
    /^Q[M-Z]$/.test(code) || /^X[A-Z]$/.test(code);
}

const ALIASES: Readonly<Record<string, string>> = {
  USA: 'US', 'UNITED STATES OF AMERICA': 'US', 'U.S.A.': 'US', 'U.S.': 'US', AMERICA: 'US',
  UK: 'GB', 'GREAT BRITAIN': 'GB', ENGLAND: 'GB', PRC: 'CN', "PEOPLE'S REPUBLIC OF CHINA": 'CN',
  'MAINLAND CHINA': 'CN', 'CHINA MAINLAND': 'CN', 'HONG KONG': 'HK', 'VIET NAM': 'VN', KOREA: 'KR',
  'REPUBLIC OF KOREA': 'KR', HOLLAND: 'NL', UAE: 'AE',
};

const BY_NAME: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (let a = 65; a <= 90; a += 1) {
    for (let b = 65; b <= 90; b += 1) {
      const code = String.fromCharCode(a, b);
      const name = DISPLAY.of(code);
      if (name && name !== code && !isReserved(code)) map.set(name.toUpperCase(), code);
    }
  }
  return map;
})();

function nameOf(code: string): string | undefined {
  if (isReserved(code)) return undefined;
  const name = DISPLAY.of(code);
  return name && name !== code ? name : undefined;
}

/** Resolves "CN", "China" or "PRC" to { code: 'CN', name: 'China' }; undefined when unknown. */
export function resolveCountry(raw: string | undefined): Country | undefined {
  if (raw === undefined) return undefined;
  const text = raw.trim().toUpperCase();
  if (text === '') return undefined;
  const code = /^[A-Z]{2}$/.test(text) ? text : (ALIASES[text] ?? BY_NAME.get(text));
  if (!code) return undefined;
  const name = nameOf(code);
  return name ? { code, name } : undefined;
}
