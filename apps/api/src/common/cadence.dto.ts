import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Cadence, EarlierCadence } from '@olievlek/domain';
import type { CadenceDto } from '@olievlek/shared';
import { IsIn, IsInt, Max, Min, ValidateIf } from 'class-validator';

export class CadenceBody {
  @ApiProperty({ enum: ['once', 'weeks', 'monthly'] })
  @IsIn(['once', 'weeks', 'monthly'], { message: 'cadence.kind must be once, weeks or monthly' })
  kind!: 'once' | 'weeks' | 'monthly';

  @ApiPropertyOptional({
    description: 'For kind "weeks": every N weeks (1 = weekly).',
    minimum: 1,
    maximum: 52,
  })
  @ValidateIf((o: CadenceBody) => o.kind === 'weeks')
  @IsInt({ message: 'cadence.every must be a whole number of weeks' })
  @Min(1)
  @Max(52)
  every?: number;
}

export function toCadence(
  kind: 'once' | 'weeks' | 'monthly',
  every: number | null | undefined,
): Cadence {
  return kind === 'weeks' ? { kind, every: every ?? 1 } : { kind };
}

export function cadenceColumns(cadence: CadenceDto): {
  cadenceKind: 'once' | 'weeks' | 'monthly';
  cadenceEvery: number | null;
} {
  return {
    cadenceKind: cadence.kind,
    cadenceEvery: cadence.kind === 'weeks' ? cadence.every : null,
  };
}

/** `agreement.cadence_earlier` read back: the cadences before changes, oldest first. */
export function earlierCadences(json: string | null | undefined): EarlierCadence[] {
  if (!json) return [];
  return (JSON.parse(json) as EarlierCadence[]).map((e) => ({
    cadence: toCadence(e.cadence.kind, e.cadence.kind === 'weeks' ? e.cadence.every : null),
    until: e.until,
  }));
}
