import fc from 'fast-check';
import { fraction, meanAndDeviation, median } from './stats';

describe('small statistics', () => {
  it('keeps the parts of a fraction and has none for a zero denominator', () => {
    expect(fraction(3, 4)).toEqual({ numerator: 3, denominator: 4, value: 0.75 });
    expect(fraction(0, 0)).toBeNull();
  });

  it('takes the median of odd and even counts, none of nothing', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it('takes the population standard deviation', () => {
    expect(meanAndDeviation([2, 4, 4, 4, 5, 5, 7, 9])).toEqual({ mean: 5, sd: 2 });
    expect(meanAndDeviation([])).toBeNull();
  });

  it('puts the median between the smallest and the largest value (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { minLength: 1 }), (values) => {
        const m = median(values) as number;
        expect(m).toBeGreaterThanOrEqual(Math.min(...values));
        expect(m).toBeLessThanOrEqual(Math.max(...values));
      }),
    );
  });
});
