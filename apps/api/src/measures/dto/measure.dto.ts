import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  MEASURE_BETTER_VALUES,
  MEASURE_EXPECTED_MAX_LENGTH,
  MEASURE_NAME_MAX_LENGTH,
  MEASURE_UNIT_MAX_LENGTH,
  MEASURE_VALUE_LIMIT,
} from '@olievlek/shared';
// The bodies take the shape of CreateMeasureRequest / UpdateMeasureRequest; the cadence is a
// class (for validation), which TypeScript cannot match with the shared union.
import type { MeasureBetterDto, PutMeasureValueRequest } from '@olievlek/shared';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { MAX_INT32, Omittable, Trim } from '../../common/dto-helpers';

/** A measure's cadence: every N weeks or monthly — a measure taken "once" has no run chart. */
export class MeasureCadenceBody {
  @ApiProperty({ enum: ['weeks', 'monthly'] })
  @IsIn(['weeks', 'monthly'], { message: 'cadence.kind must be weeks or monthly' })
  kind!: 'weeks' | 'monthly';

  @ApiPropertyOptional({ description: 'For kind "weeks": every N weeks.', minimum: 1, maximum: 52 })
  @ValidateIf((o: MeasureCadenceBody) => o.kind === 'weeks')
  @IsInt({ message: 'cadence.every must be a whole number of weeks' })
  @Min(1)
  @Max(52)
  every?: number;
}

/** A finite number within ± MEASURE_VALUE_LIMIT (a value or a bound of the range). */
const Bounded = () =>
  applyDecorators(
    IsNumber({ allowNaN: false, allowInfinity: false }),
    Min(-MEASURE_VALUE_LIMIT),
    Max(MEASURE_VALUE_LIMIT),
  );

export class CreateMeasureBody {
  @ApiProperty({ example: 'Vergaderingen met een doel vooraf', maxLength: MEASURE_NAME_MAX_LENGTH })
  @Trim()
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(MEASURE_NAME_MAX_LENGTH)
  name!: string;

  @ApiPropertyOptional({ example: '%', maxLength: MEASURE_UNIT_MAX_LENGTH })
  @Omittable()
  @Trim()
  @IsString()
  @MaxLength(MEASURE_UNIT_MAX_LENGTH)
  unit?: string;

  @ApiProperty({ enum: MEASURE_BETTER_VALUES })
  @IsIn(MEASURE_BETTER_VALUES, { message: 'better must be higher or lower' })
  better!: MeasureBetterDto;

  @ApiProperty({ type: MeasureCadenceBody })
  @ValidateNested()
  @Type(() => MeasureCadenceBody)
  cadence!: MeasureCadenceBody;

  @ApiPropertyOptional({ nullable: true, description: 'The lowest value that can occur.' })
  @IsOptional()
  @Bounded()
  minValue?: number | null;

  @ApiPropertyOptional({ nullable: true, description: 'The highest value that can occur.' })
  @IsOptional()
  @Bounded()
  maxValue?: number | null;

  @ApiPropertyOptional({
    example: 'Van 80 % afhakers naar minder dan 40 %',
    maxLength: MEASURE_EXPECTED_MAX_LENGTH,
  })
  @Omittable()
  @Trim()
  @IsString()
  @MaxLength(MEASURE_EXPECTED_MAX_LENGTH)
  expectedResult?: string;
}

export class UpdateMeasureBody {
  @ApiProperty() @IsInt() @Min(1) @Max(MAX_INT32) version!: number;

  @ApiPropertyOptional({ maxLength: MEASURE_NAME_MAX_LENGTH })
  @Omittable()
  @Trim()
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(MEASURE_NAME_MAX_LENGTH)
  name?: string;

  @ApiPropertyOptional({ maxLength: MEASURE_UNIT_MAX_LENGTH })
  @Omittable()
  @Trim()
  @IsString()
  @MaxLength(MEASURE_UNIT_MAX_LENGTH)
  unit?: string;

  @ApiPropertyOptional({ enum: MEASURE_BETTER_VALUES })
  @Omittable()
  @IsIn(MEASURE_BETTER_VALUES, { message: 'better must be higher or lower' })
  better?: MeasureBetterDto;

  @ApiPropertyOptional({ type: MeasureCadenceBody })
  @Omittable()
  @ValidateNested()
  @Type(() => MeasureCadenceBody)
  cadence?: MeasureCadenceBody;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Bounded()
  minValue?: number | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Bounded()
  maxValue?: number | null;

  @ApiPropertyOptional({ maxLength: MEASURE_EXPECTED_MAX_LENGTH })
  @Omittable()
  @Trim()
  @IsString()
  @MaxLength(MEASURE_EXPECTED_MAX_LENGTH)
  expectedResult?: string;
}

export class PutMeasureValueBody implements PutMeasureValueRequest {
  @ApiProperty({ example: 42.5 })
  @Bounded()
  value!: number;

  @ApiPropertyOptional({ description: 'The version of the value being changed.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_INT32)
  version?: number;
}

export class RemoveMeasureValueQuery {
  @ApiProperty({ description: 'The version of the value being removed.' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_INT32)
  version!: number;
}
