import type { AdoptionMonthDto } from '@olievlek/shared';
import { TEXTS as T } from '../i18n/translator.testing';
import { headline, HeadlineInput } from './headline';

/** A month of 16 teams of which `reached` experiment or further. */
function month(key: string, reached: number, teams = 16): AdoptionMonthDto {
  return {
    month: key,
    on: `${key}-28`,
    teams,
    reached,
    newlyReached: null,
    stages: {
      'not-reached': teams - reached,
      intake: 0,
      experimenting: reached,
      practising: 0,
      spreading: 0,
    },
  };
}
const share = (numerator: number, denominator: number) => ({
  numerator,
  denominator,
  value: numerator / denominator,
});

const PROGRAMME: HeadlineInput = {
  reach: share(11, 16),
  rooted: share(7, 16),
  date: '2026-12-03',
  months: [month('2025-02', 1), month('2025-03', 2), month('2026-11', 10), month('2026-12', 11)],
};

describe('the headline of the olievlek view', () => {
  it('tells reach, its start and rooted in one Dutch sentence, with Dutch month names', () => {
    expect(headline('nl', T.nl, PROGRAMME)).toEqual({
      sentence: '69% van de teams bereikt — was 6% in februari 2025; 44% heeft het eigen gemaakt.',
      trend: 'Dat is 6,3 procentpunt meer dan eind november 2026.',
    });
  });

  it('says the same in English, with a decimal point and a plural', () => {
    expect(headline('en', T.en, PROGRAMME)).toEqual({
      sentence: '69% of teams reached — it was 6% in February 2025; 44% have made it their own.',
      trend: 'That is 6.3 percentage points more than at the end of November 2026.',
    });
  });

  it('writes one percentage point in the singular, and a fall as less', () => {
    const input = {
      ...PROGRAMME,
      reach: share(50, 100),
      months: [month('2025-02', 10, 100), month('2026-11', 51, 100)],
    };
    expect(headline('en', T.en, input)?.trend).toBe(
      'That is 1 percentage point less than at the end of November 2026.',
    );
    expect(headline('nl', T.nl, input)?.trend).toBe(
      'Dat is 1 procentpunt minder dan eind november 2026.',
    );
  });

  it('says so when nothing changed since last month', () => {
    const input = { ...PROGRAMME, months: [month('2025-02', 1), month('2026-11', 11)] };
    expect(headline('nl', T.nl, input)?.trend).toBe('Dat is evenveel als eind november 2026.');
  });

  it('compares a past date with the month before it, not with today', () => {
    const input = {
      ...PROGRAMME,
      date: '2025-03-31',
      reach: share(2, 16),
      rooted: share(0, 16),
    };
    expect(headline('nl', T.nl, input)).toEqual({
      sentence: '13% van de teams bereikt — was 6% in februari 2025; 0% heeft het eigen gemaakt.',
      trend: 'Dat is 6,3 procentpunt meer dan eind februari 2025.',
    });
  });

  it('leaves out the start and the trend in the first month, and months without teams', () => {
    const input = {
      ...PROGRAMME,
      date: '2025-02-28',
      reach: share(1, 16),
      rooted: share(0, 16),
      months: [month('2025-01', 0, 0), month('2025-02', 1)],
    };
    expect(headline('nl', T.nl, input)).toEqual({
      sentence: '6% van de teams bereikt; 0% heeft het eigen gemaakt.',
      trend: null,
    });
  });

  it('has nothing to say for a unit without teams', () => {
    expect(headline('nl', T.nl, { ...PROGRAMME, reach: null, rooted: null })).toBeNull();
  });
});
