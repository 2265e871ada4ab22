/**
 * Port-to-port transit days per lane (domain.md §7.5). Ranges are typical, not guaranteed [heuristic ranges];
 * the planner uses the upper bound so a normal voyage does not eat the buffer. Lanes without a published
 * source in our reference are marked `[heuristic]` and should be replaced by the forwarder's own figures.
 */
export type OriginPort = 'Ningbo' | 'Shanghai' | 'Shenzhen' | 'Guangzhou' | 'Xiamen' | 'Qingdao' | 'Tianjin';
export type DestinationRegion = 'US East Coast' | 'US West Coast' | 'Hamburg/Rotterdam' | 'Sydney/Melbourne';
export type TransportMode = 'Sea' | 'Air';

export interface TransitRange {
  minDays: number;
  maxDays: number;
  source: string;
  note?: string;
}

export interface LaneTransit {
  origin: OriginPort;
  destination: DestinationRegion;
  mode: TransportMode;
  standard: TransitRange;
  /** A faster service on the same mode (express sea string), if one exists. */
  priority?: TransitRange;
}

export const ORIGIN_PORTS: readonly OriginPort[] = ['Ningbo', 'Shanghai', 'Shenzhen', 'Guangzhou', 'Xiamen', 'Qingdao', 'Tianjin'];
export const DESTINATION_REGIONS: readonly DestinationRegion[] = ['US East Coast', 'US West Coast', 'Hamburg/Rotterdam', 'Sydney/Melbourne'];

const SEA_SOURCES =
  'https://en-test.56ok.com/topic/detail-593856-global-ocean-freight-transit-times-key-insights.html, https://casualnavigation.com/how-long-does-it-take-for-a-cargo-ship-to-get-from-china-to-the-usa/ [heuristic ranges]';
const EUROPE_SOURCES = 'https://www.jiffa.or.jp/en/news/entry-8651.html, https://logistics.dbschenker.com/sgmy-ocean-updates [heuristic ranges]';
const HEURISTIC = '[heuristic] no source in domain.md; confirm with the forwarder';

// The reference gives China-wide ranges, so every origin port shares them.
const SEA: Record<DestinationRegion, Omit<LaneTransit, 'origin' | 'destination' | 'mode'>> = {
  'US West Coast': {
    standard: { minDays: 14, maxDays: 18, source: SEA_SOURCES },
    priority: { minDays: 11, maxDays: 14, source: SEA_SOURCES, note: 'express transpacific string' },
  },
  'US East Coast': { standard: { minDays: 25, maxDays: 35, source: SEA_SOURCES, note: 'all-water via Panama/Suez' } },
  'Hamburg/Rotterdam': {
    // Red Sea diversions since Dec 2023: via the Cape of Good Hope adds 8–14 days to the 28–35 via Suez.
    standard: { minDays: 36, maxDays: 49, source: EUROPE_SOURCES, note: 'via Cape of Good Hope (28–35 via Suez)' },
  },
  'Sydney/Melbourne': { standard: { minDays: 14, maxDays: 22, source: HEURISTIC } },
};

export const AIR_TRANSIT: TransitRange = { minDays: 3, maxDays: 7, source: HEURISTIC, note: 'airport to airport incl. handling' };

export function laneTransit(origin: OriginPort, destination: DestinationRegion, mode: TransportMode): LaneTransit {
  if (!ORIGIN_PORTS.includes(origin)) {
    throw new RangeError(`Port of loading: no lane data for ${JSON.stringify(origin)} (known: ${ORIGIN_PORTS.join(', ')})`);
  }
  if (!DESTINATION_REGIONS.includes(destination)) {
    throw new RangeError(`Port of discharge: no lane data for ${JSON.stringify(destination)} (known: ${DESTINATION_REGIONS.join(', ')})`);
  }
  if (mode === 'Air') return { origin, destination, mode, standard: AIR_TRANSIT };
  if (mode === 'Sea') return { origin, destination, mode, ...SEA[destination] };
  throw new RangeError(`Shipping mode: expected Sea or Air for a lane, got ${JSON.stringify(mode)}`);
}

const PORT_REGIONS: Record<string, DestinationRegion> = {
  'los angeles': 'US West Coast', 'long beach': 'US West Coast', oakland: 'US West Coast', seattle: 'US West Coast', tacoma: 'US West Coast',
  'new york': 'US East Coast', newark: 'US East Coast', savannah: 'US East Coast', charleston: 'US East Coast', norfolk: 'US East Coast', baltimore: 'US East Coast',
  hamburg: 'Hamburg/Rotterdam', rotterdam: 'Hamburg/Rotterdam', antwerp: 'Hamburg/Rotterdam', bremerhaven: 'Hamburg/Rotterdam',
  sydney: 'Sydney/Melbourne', melbourne: 'Sydney/Melbourne', brisbane: 'Sydney/Melbourne',
};

/** Maps a port of discharge ("Los Angeles, CA", "Rotterdam") to its lane region, or undefined. */
export function destinationRegionForPort(port: string): DestinationRegion | undefined {
  const key = port.split(',')[0]!.trim().toLowerCase();
  return PORT_REGIONS[key] ?? DESTINATION_REGIONS.find((r) => r.toLowerCase() === key);
}

/** Maps a port of loading to its origin, or undefined ("Ningbo-Zhoushan" and "Yantian" included). */
export function originPortFor(port: string): OriginPort | undefined {
  const key = port.trim().toLowerCase();
  if (key.startsWith('ningbo')) return 'Ningbo';
  if (key.startsWith('shanghai')) return 'Shanghai';
  if (key.startsWith('shenzhen') || key === 'yantian' || key === 'shekou') return 'Shenzhen';
  if (key.startsWith('guangzhou') || key === 'nansha' || key === 'huangpu') return 'Guangzhou';
  if (key.startsWith('xiamen')) return 'Xiamen';
  if (key.startsWith('qingdao')) return 'Qingdao';
  if (key.startsWith('tianjin') || key === 'xingang') return 'Tianjin';
  return undefined;
}
