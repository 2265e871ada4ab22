import { describe, expect, it } from 'vitest';
import { destinationRegionForPort, laneTransit, originPortFor } from '../../../src/domain/planning/lanes.ts';

describe('lane transit days (domain.md §7.5)', () => {
  it.each([
    ['Ningbo', 'US West Coast', 'Sea', 14, 18],
    ['Shanghai', 'US East Coast', 'Sea', 25, 35],
    ['Shenzhen', 'Hamburg/Rotterdam', 'Sea', 36, 49], // 28–35 via Suez + 8–14 via the Cape
    ['Ningbo', 'Sydney/Melbourne', 'Sea', 14, 22],
    ['Shanghai', 'US West Coast', 'Air', 3, 7],
  ] as const)('%s → %s by %s: %i–%i days', (origin, destination, mode, min, max) => {
    expect(laneTransit(origin, destination, mode).standard).toMatchObject({ minDays: min, maxDays: max });
  });

  it('marks lanes without a published source as heuristic', () => {
    expect(laneTransit('Ningbo', 'Sydney/Melbourne', 'Sea').standard.source).toMatch(/\[heuristic\]/);
    expect(laneTransit('Ningbo', 'US West Coast', 'Sea').priority).toMatchObject({ minDays: 11, maxDays: 14 });
  });

  it.each([
    ['Los Angeles, CA', 'US West Coast'],
    ['Savannah', 'US East Coast'],
    ['Rotterdam', 'Hamburg/Rotterdam'],
    ['Melbourne', 'Sydney/Melbourne'],
    ['Santos', undefined],
  ])('port of discharge %s → %s', (port, region) => {
    expect(destinationRegionForPort(port)).toBe(region);
  });

  it.each([
    ['Ningbo-Zhoushan', 'Ningbo'],
    ['Yantian', 'Shenzhen'],
    ['Qingdao', 'Qingdao'],
    ['Guangzhou (Nansha)', 'Guangzhou'],
    ['Lianyungang', undefined],
  ])('port of loading %s → %s', (port, origin) => {
    expect(originPortFor(port)).toBe(origin);
  });
});
