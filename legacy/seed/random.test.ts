import { SeededRandom } from './random';

function draws(random: SeededRandom, count: number): number[] {
  return Array.from({ length: count }, () => random.next());
}

describe('SeededRandom', () => {
  it('yields the published mulberry32 sequence, so a seed means the same data on every install', () => {
    expect(draws(new SeededRandom(1), 3)).toEqual([
      0.6270739405881613, 0.002735721180215478, 0.5274470399599522,
    ]);
  });

  it('repeats its sequence for the same seed and departs from it for another', () => {
    const first = draws(new SeededRandom(42), 100);
    expect(draws(new SeededRandom(42), 100)).toEqual(first);
    expect(draws(new SeededRandom(43), 100)).not.toEqual(first);
  });

  it('keeps next() in [0, 1) and int() within both inclusive bounds', () => {
    const random = new SeededRandom(7);
    const values = draws(random, 1000);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const dice = new Set(Array.from({ length: 1000 }, () => random.int(1, 3)));
    expect([...dice].sort()).toEqual([1, 2, 3]);
  });

  it('refuses to pick from an empty list instead of returning undefined', () => {
    expect(() => new SeededRandom(1).pick([])).toThrow('pick from an empty list');
  });
});
