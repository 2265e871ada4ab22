import { describe, expect, it } from 'vitest';
import { checkWeights, DEFAULT_WEIGHTS, parseWeights } from '../../../src/domain/closure/score-weights.ts';

describe('KPI weights', () => {
  it('defaults total 100', () => {
    expect(checkWeights(DEFAULT_WEIGHTS)).toBe(DEFAULT_WEIGHTS);
  });

  it('parses short names', () => {
    expect(parseWeights('otd=40, psi=30, defects=10, response=10, compliance=10')).toEqual({
      onTimeDelivery: 40, firstPassPsi: 30, defectRate: 10, responsiveness: 10, compliance: 10,
    });
    expect(parseWeights('delivery=50,psi=50')).toMatchObject({ onTimeDelivery: 50, firstPassPsi: 50, compliance: 0 });
  });

  it.each([
    ['otd=50,psi=40', 'must total 100, they total 90'],
    ['otd=150,psi=-50', '"psi=-50" is not KPI=weight'],
    ['speed=100', '"speed=100" is not KPI=weight'],
    ['otd=120', 'must be 0–100'],
  ])('refuses %s', (text, message) => {
    expect(() => parseWeights(text)).toThrow(message);
  });
});
