import type { MeasureDto } from '@olievlek/shared';
import { en } from '../../i18n/en';
import { nl } from '../../i18n/nl';
import { effectWords, Words } from './effect-words';

/** The texts as a person reads them, with the real translations. */
function say(texts: typeof nl, words: Words[]): string {
  return words
    .map((w) => {
      const path = w.plural === undefined ? w.key : `${w.key}.${w.plural === 1 ? 'one' : 'other'}`;
      const template = path
        .split('.')
        .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], texts) as string;
      const params: Record<string, unknown> = { ...w.params, count: w.params['count'] ?? w.plural };
      return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, k: string) => String(params[k]));
    })
    .join(' ');
}

const period = (d: string) => `[${d}]`;
const number = (n: number) => String(n).replace('.', ',');

function measure(effect: MeasureDto['effect'], median: number | null, count = 6) {
  return {
    unit: '%',
    baseline: { median, count, source: 'before-start' as const },
    effect,
  };
}

describe('a measure effect in plain words', () => {
  it('says an improvement with its span and the baseline, in both languages', () => {
    const m = measure(
      {
        verdict: 'improved',
        values: 8,
        signals: [
          { kind: 'shift', side: 'better', from: '2026-10-05', to: '2026-11-23', count: 8 },
        ],
      },
      80,
    );
    expect(say(nl, effectWords(m, period, number))).toBe(
      'Verbeterd. 8 metingen op rij aan de goede kant van de uitgangswaarde (80 %), van [2026-10-05] tot en met [2026-11-23].',
    );
    expect(say(en, effectWords(m, period, number))).toBe(
      'Improved. 8 values in a row on the better side of the baseline (80 %), from [2026-10-05] to [2026-11-23].',
    );
  });

  it('counts what a baseline still needs, singular and plural', () => {
    const one = measure({ verdict: 'too-few-values', values: 0, signals: [] }, null, 5);
    expect(say(nl, effectWords(one, period, number))).toBe(
      'Nog 1 meting nodig voor een uitgangswaarde.',
    );
    const four = measure({ verdict: 'too-few-values', values: 0, signals: [] }, null, 2);
    expect(say(en, effectWords(four, period, number))).toBe('4 more values needed for a baseline.');
  });

  it('names a worsening trend, too few crossings, and no signal', () => {
    const worse = measure(
      {
        verdict: 'worsened',
        values: 12,
        signals: [
          { kind: 'trend', direction: 'worse', from: '2026-09-01', to: '2026-11-01', count: 5 },
          { kind: 'few-crossings', crossings: 1, expectedAtLeast: 3 },
        ],
      },
      12.5,
    );
    expect(say(nl, effectWords(worse, period, number))).toBe(
      'Verslechterd. 5 metingen achter elkaar de verkeerde kant op, van [2026-09-01] tot en met [2026-11-01]. De lijn kruist de uitgangswaarde (12,5 %) 1 keer; bij toeval verwacht je minstens 3 keer.',
    );
    const none = measure({ verdict: 'no-signal', values: 1, signals: [] }, 40);
    expect(say(nl, effectWords(none, period, number))).toBe(
      'Geen signaal. 1 meting na de start, nog geen teken van verandering tegenover de uitgangswaarde (40 %).',
    );
  });
});
