/**
 * Measures: whether a step helped (docs/design.md §Between teams, Measure). A measure belongs to
 * an agreement; its values are one per period of its own cadence; the baseline and the effect are
 * computed by libs/domain `measures.ts` and sent with the measure.
 */
export const MEASURE_BETTER_VALUES = ['higher', 'lower'] as const;
export type MeasureBetterDto = (typeof MEASURE_BETTER_VALUES)[number];

/** How often a measure is measured: every N weeks or monthly (never "once"). */
export type MeasureCadenceDto = { kind: 'weeks'; every: number } | { kind: 'monthly' };

export const MEASURE_NAME_MAX_LENGTH = 120;
export const MEASURE_UNIT_MAX_LENGTH = 40;
export const MEASURE_EXPECTED_MAX_LENGTH = 500;
/** Values and bounds stay within ± this, so sums and medians stay exact enough. */
export const MEASURE_VALUE_LIMIT = 1_000_000_000;

export interface MeasureValueDto {
  /** The first day of the period the value belongs to. */
  date: string;
  value: number;
  version: number;
  recordedAt: string;
}

export type MeasureSignalDto =
  | { kind: 'shift'; side: 'better' | 'worse'; from: string; to: string; count: number }
  | { kind: 'trend'; direction: 'better' | 'worse'; from: string; to: string; count: number }
  | { kind: 'few-crossings'; crossings: number; expectedAtLeast: number };

export type MeasureVerdictDto =
  'improved' | 'worsened' | 'changed' | 'no-signal' | 'too-few-values';

export interface MeasureDto {
  id: string;
  agreementId: string;
  /** The step's start date: the measure's periods are anchored on it (as the step's own). */
  stepStartDate: string;
  name: string;
  unit: string;
  better: MeasureBetterDto;
  cadence: MeasureCadenceDto;
  minValue: number | null;
  maxValue: number | null;
  expectedResult: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  /** Oldest first. */
  values: MeasureValueDto[];
  baseline: {
    median: number | null;
    count: number;
    source: 'before-start' | 'first-values' | 'none';
  };
  /** The effect today: the values after the baseline against its median. */
  effect: { verdict: MeasureVerdictDto; values: number; signals: MeasureSignalDto[] };
  /** The reader may change the definition (the case's ambassadors, admins). */
  canEdit: boolean;
  /** The reader may enter values (also the team's members). */
  canEnterValues: boolean;
}

export interface CreateMeasureRequest {
  name: string;
  unit?: string;
  better: MeasureBetterDto;
  cadence: MeasureCadenceDto;
  minValue?: number | null;
  maxValue?: number | null;
  expectedResult?: string;
}

export interface UpdateMeasureRequest extends Partial<CreateMeasureRequest> {
  version: number;
}

export interface PutMeasureValueRequest {
  value: number;
  /** The value's version when changing one; leave out for a period without a value. */
  version?: number;
}
