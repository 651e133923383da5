import { BASELINE_FIRST_VALUES } from '@olievlek/domain';
import type { MeasureDto } from '@olievlek/shared';

/** A text to translate: its key and parameters (the caller formats dates and numbers). */
export interface Words {
  key: string;
  params: Record<string, unknown>;
  /** Translate `key.one` / `key.other` by this count. */
  plural?: number;
}

/**
 * What a measure's effect means, in sentences (docs/design.md Measure): the verdict, then one
 * sentence per signal with its span; `period` says a period's first day as people say it.
 */
export function effectWords(
  measure: Pick<MeasureDto, 'effect' | 'baseline' | 'unit'>,
  period: (start: string) => string,
  number: (value: number) => string,
): Words[] {
  const { effect, baseline } = measure;
  const unit = measure.unit ? ` ${measure.unit}` : '';
  if (effect.verdict === 'too-few-values' || baseline.median === null) {
    const needed = Math.max(1, BASELINE_FIRST_VALUES - baseline.count);
    return [{ key: 'measures.effect.tooFew', params: {}, plural: needed }];
  }
  const centre = `${number(baseline.median)}${unit}`;
  const out: Words[] = [{ key: `measures.verdict.${effect.verdict}`, params: {} }];
  for (const s of effect.signals) {
    if (s.kind === 'few-crossings') {
      out.push({
        key: 'measures.effect.fewCrossings',
        params: { crossings: s.crossings, expected: s.expectedAtLeast, baseline: centre },
      });
    } else {
      const side = s.kind === 'shift' ? s.side : s.direction;
      out.push({
        key: `measures.effect.${s.kind}.${side}`,
        params: { values: s.count, from: period(s.from), to: period(s.to), baseline: centre },
      });
    }
  }
  if (effect.verdict === 'no-signal')
    out.push({
      key: 'measures.effect.noSignal',
      params: { baseline: centre },
      plural: effect.values,
    });
  return out;
}
