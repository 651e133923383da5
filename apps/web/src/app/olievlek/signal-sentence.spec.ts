import type { AdoptionDto, RunChartSignalDto } from '@olievlek/shared';
import { TEXTS as T } from '../i18n/translator.testing';
import { signalHolds, signalSentence, signalSpan } from './signal-sentence';

/** The months from `first` on, `count` of them (YYYY-MM), across year ends. */
function months(first: string, count: number): string[] {
  const start = Number(first.slice(0, 4)) * 12 + Number(first.slice(5, 7)) - 1;
  return Array.from({ length: count }, (_, i) => {
    const m = start + i;
    return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
  });
}

const signal = (
  series: RunChartSignalDto['series'],
  direction: RunChartSignalDto['direction'],
  on: string[],
): RunChartSignalDto => ({
  series,
  kind: direction === 'up' || direction === 'down' ? 'trend' : 'shift',
  direction,
  months: on,
});

const UNIT = 'Sociaal Domein';
const RECENT = months('2026-06', 6); // June to November 2026

describe('a run-chart signal in plain words', () => {
  it('says what more new teams than the median mean, with the span and since when', () => {
    const s = signal('newlyReached', 'above', RECENT);
    expect(signalSentence('nl', T.nl, { signal: s, unit: UNIT, holds: true })).toBe(
      'Meer nieuwe teams bereikt dan de mediaan (6 maanden, van juni 2026 tot en met november 2026): de verspreiding in Sociaal Domein versnelt sinds juni 2026.',
    );
    expect(signalSentence('en', T.en, { signal: s, unit: UNIT, holds: true })).toBe(
      'More new teams reached than the median (6 months, from June 2026 to November 2026): the spread in Sociaal Domein has been speeding up since June 2026.',
    );
  });

  it('counts the calendar months across a year end, not the points of a shift', () => {
    // A shift of 11 points from February 2025 to November 2026: the months on the median in
    // between are skipped, so it covers 22 months.
    const on = ['2025-02', '2025-03', '2025-06', '2025-09', '2025-12', '2026-01']
      .concat(['2026-03', '2026-05', '2026-07', '2026-09', '2026-11'])
      .sort();
    expect(signalSpan('nl', T.nl, on)).toBe(
      '22 maanden, van februari 2025 tot en met november 2026',
    );
    expect(signalSpan('en', T.en, on)).toBe('22 months, from February 2025 to November 2026');
    expect(signalSpan('nl', T.nl, months('2025-02', 11))).toBe(
      '11 maanden, van februari 2025 tot en met december 2025',
    );
    expect(signalSpan('nl', T.nl, months('2025-11', 3))).toBe(
      '3 maanden, van november 2025 tot en met januari 2026',
    );
    expect(signalSpan('en', T.en, months('2025-12', 2))).toBe(
      '2 months, from December 2025 to January 2026',
    );
  });

  it('writes one month in the singular, without a range', () => {
    expect(signalSpan('nl', T.nl, ['2026-06'])).toBe('1 maand, juni 2026');
    expect(signalSpan('en', T.en, ['2026-06'])).toBe('1 month, June 2026');
  });

  it('tells a signal that was broken before the last month in the past tense', () => {
    const s = signal('newlyReached', 'above', months('2025-09', 6)); // to February 2026
    expect(signalSentence('nl', T.nl, { signal: s, unit: UNIT, holds: false })).toBe(
      'Meer nieuwe teams bereikt dan de mediaan (6 maanden, van september 2025 tot en met februari 2026): de verspreiding in Sociaal Domein versnelde in die tijd.',
    );
    expect(signalSentence('en', T.en, { signal: s, unit: UNIT, holds: false })).toBe(
      'More new teams reached than the median (6 months, from September 2025 to February 2026): the spread in Sociaal Domein sped up in that time.',
    );
  });

  const EVERY_KIND: Array<{
    series: RunChartSignalDto['series'];
    direction: RunChartSignalDto['direction'];
    nl: string;
    en: string;
  }> = [
    {
      series: 'reach',
      direction: 'above',
      nl: 'Het bereik ligt boven de mediaan (6 maanden, van juni 2026 tot en met november 2026): in Sociaal Domein doen blijvend meer teams mee dan eerder.',
      en: 'Reach is above the median (6 months, from June 2026 to November 2026): more teams in Sociaal Domein take part than before, and it holds.',
    },
    {
      series: 'reach',
      direction: 'below',
      nl: 'Het bereik ligt onder de mediaan (6 maanden, van juni 2026 tot en met november 2026): in Sociaal Domein doen nu minder teams mee dan gewoonlijk.',
      en: 'Reach is below the median (6 months, from June 2026 to November 2026): fewer teams in Sociaal Domein take part than usual.',
    },
    {
      series: 'reach',
      direction: 'up',
      nl: 'Het bereik blijft stijgen (6 maanden, van juni 2026 tot en met november 2026): de verandering in Sociaal Domein breidt zich uit.',
      en: 'Reach keeps rising (6 months, from June 2026 to November 2026): the change in Sociaal Domein is spreading.',
    },
    {
      series: 'reach',
      direction: 'down',
      nl: 'Het bereik blijft dalen (6 maanden, van juni 2026 tot en met november 2026): in Sociaal Domein haken teams af.',
      en: 'Reach keeps falling (6 months, from June 2026 to November 2026): teams in Sociaal Domein are dropping out.',
    },
    {
      series: 'newlyReached',
      direction: 'below',
      nl: 'Minder nieuwe teams bereikt dan de mediaan (6 maanden, van juni 2026 tot en met november 2026): de verspreiding in Sociaal Domein vertraagt sinds juni 2026.',
      en: 'Fewer new teams reached than the median (6 months, from June 2026 to November 2026): the spread in Sociaal Domein has been slowing down since June 2026.',
    },
    {
      series: 'newlyReached',
      direction: 'up',
      nl: 'Steeds meer nieuwe teams bereikt (6 maanden, van juni 2026 tot en met november 2026): de verspreiding in Sociaal Domein krijgt steeds meer vaart.',
      en: 'Ever more new teams reached (6 months, from June 2026 to November 2026): the spread in Sociaal Domein is gathering pace.',
    },
    {
      series: 'newlyReached',
      direction: 'down',
      nl: 'Steeds minder nieuwe teams bereikt (6 maanden, van juni 2026 tot en met november 2026): de verspreiding in Sociaal Domein verliest vaart.',
      en: 'Ever fewer new teams reached (6 months, from June 2026 to November 2026): the spread in Sociaal Domein is losing pace.',
    },
  ];
  it.each(EVERY_KIND)(
    'says what a $direction signal in $series means, in Dutch and English',
    ({ series, direction, nl, en }) => {
      const s = signal(series, direction, RECENT);
      expect(signalSentence('nl', T.nl, { signal: s, unit: UNIT, holds: true })).toBe(nl);
      expect(signalSentence('en', T.en, { signal: s, unit: UNIT, holds: true })).toBe(en);
    },
  );

  it('has a past-tense sentence for every kind, different from the present one', () => {
    const kinds = [
      ['reach', 'above'],
      ['reach', 'below'],
      ['reach', 'up'],
      ['reach', 'down'],
      ['newlyReached', 'above'],
      ['newlyReached', 'below'],
      ['newlyReached', 'up'],
      ['newlyReached', 'down'],
    ] as const;
    for (const [series, direction] of kinds) {
      for (const locale of ['nl', 'en'] as const) {
        const past = signal(series, direction, months('2025-01', 6));
        const now = signal(series, direction, RECENT);
        const text = (s: RunChartSignalDto, holds = s === now) =>
          signalSentence(locale, T[locale], { signal: s, unit: UNIT, holds });
        expect(text(past)).toContain(
          locale === 'nl'
            ? 'van januari 2025 tot en met juni 2025'
            : 'from January 2025 to June 2025',
        );
        expect(text(past)).toContain(UNIT);
        expect(text(past).replace(/\(.*\)/, '')).not.toBe(text(now).replace(/\(.*\)/, ''));
      }
    }
  });
});

describe('whether a signal of the curve still holds', () => {
  /** A unit of 10 teams with `reached[i]` reached in month i from January 2026, 1 new a month. */
  function adoption(reached: number[], signals: RunChartSignalDto[], median: number): AdoptionDto {
    const keys = months('2026-01', reached.length);
    return {
      unit: { id: 'u', name: UNIT, kind: 'directorate' },
      months: keys.map((month, i) => ({
        month,
        on: `${month}-28`,
        teams: 10,
        reached: reached[i],
        newlyReached: 1,
        stages: {
          'not-reached': 10 - reached[i],
          intake: 0,
          experimenting: reached[i],
          practising: 0,
          spreading: 0,
        },
      })),
      medians: { reach: median, newlyReached: 1 },
      signals,
    };
  }

  it('holds a rising trend whose last month only equals the one before', () => {
    const trend = signal('reach', 'up', months('2026-01', 5));
    const a = adoption([1, 2, 3, 4, 5, 5], [trend], 3.5 / 10);
    expect(signalHolds(a, trend)).toBe(true);
    expect(
      signalSentence('nl', T.nl, { signal: trend, unit: UNIT, holds: signalHolds(a, trend) }),
    ).toBe(
      'Het bereik blijft stijgen (5 maanden, van januari 2026 tot en met mei 2026): de verandering in Sociaal Domein breidt zich uit.',
    );
    const turned = adoption([1, 2, 3, 4, 5, 4], [trend], 3.5 / 10);
    expect(signalHolds(turned, trend)).toBe(false);
  });

  it('holds a shift while later months sit on the median, not once one crosses', () => {
    const low = signal('reach', 'below', months('2026-01', 6));
    const reached = [1, 1, 1, 1, 1, 1, 3, 5, 5, 5, 5, 5, 5];
    expect(signalHolds(adoption(reached, [low], 0.3), low)).toBe(false);
    const high = signal('reach', 'above', months('2026-08', 6));
    expect(signalHolds(adoption([...reached, 3], [high], 0.3), high)).toBe(true);
    expect(signalHolds(adoption([...reached, 2], [high], 0.3), high)).toBe(false);
  });
});
