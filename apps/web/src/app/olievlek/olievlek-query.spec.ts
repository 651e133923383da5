import { dateParam, sliderIndex, tabOf, tabParam } from './olievlek-query';

const MONTHS = ['2025-01-31', '2025-02-28', '2025-03-31', '2025-04-15'];

describe('the olievlek address', () => {
  it('opens a known tab and falls back to the map for anything else', () => {
    expect(tabOf('trend')).toBe('trend');
    expect(tabOf('spread')).toBe('spread');
    expect(tabOf('map')).toBe('map');
    expect(tabOf('kaart')).toBe('map');
    expect(tabOf('')).toBe('map');
    expect(tabOf(undefined)).toBe('map');
  });

  it('leaves the default tab out of the address', () => {
    expect(tabParam('map')).toBeNull();
    expect(tabParam('trend')).toBe('trend');
  });

  it('puts the slider on the month of the date, and on today without one', () => {
    expect(sliderIndex(MONTHS, null)).toBe(3);
    expect(sliderIndex(MONTHS, '2025-02-28')).toBe(1);
    expect(sliderIndex(MONTHS, '2025-02-10')).toBe(1);
    expect(sliderIndex(MONTHS, '2024-06-30')).toBe(0);
    expect(sliderIndex(MONTHS, '2030-01-01')).toBe(3);
    expect(sliderIndex([], '2025-02-28')).toBe(0);
  });

  it('writes a month end for a past position and nothing for today', () => {
    expect(dateParam(MONTHS, 0)).toBe('2025-01-31');
    expect(dateParam(MONTHS, 2)).toBe('2025-03-31');
    expect(dateParam(MONTHS, 3)).toBeNull();
    expect(dateParam([], 0)).toBeNull();
  });

  it('round-trips: the date written for a position brings the slider back there', () => {
    for (let i = 0; i < MONTHS.length; i++) {
      expect(sliderIndex(MONTHS, dateParam(MONTHS, i))).toBe(i);
    }
  });
});
