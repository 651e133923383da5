import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  NEXT_BEST_DEFAULT,
  NEXT_BEST_MAX,
  SPREAD_LINKS_DEFAULT,
  SPREAD_LINKS_MAX,
} from '@olievlek/shared';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsLocalDate } from '../../common/dto-helpers';

/** `?unitId=` means "the default", not "a unit without an id". */
const Blank = () =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && value.trim() === '' ? undefined : value,
  );

export class UnitQueryDto {
  @ApiPropertyOptional({
    description: 'An org unit within your scope; default: the top of your scope.',
  })
  @IsOptional()
  @Blank()
  @IsString()
  @MaxLength(36)
  unitId?: string;
}

export class OlievlekViewQueryDto extends UnitQueryDto {
  @ApiPropertyOptional({
    example: '2026-03-31',
    description: 'The date the figures hold for (not in the future); default: today.',
  })
  @IsOptional()
  @Blank()
  @IsLocalDate()
  date?: string;
}

const LIMIT_MESSAGE = `limit must be a whole number from 1 to ${NEXT_BEST_MAX}`;

export class NextBestQueryDto extends UnitQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: NEXT_BEST_MAX, default: NEXT_BEST_DEFAULT })
  @IsOptional()
  @Blank()
  @Type(() => Number)
  @IsInt({ message: LIMIT_MESSAGE })
  @Min(1, { message: LIMIT_MESSAGE })
  @Max(NEXT_BEST_MAX, { message: LIMIT_MESSAGE })
  limit?: number;
}

const SPREAD_LIMIT_MESSAGE = `limit must be a whole number from 1 to ${SPREAD_LINKS_MAX}`;

export class SpreadQueryDto extends OlievlekViewQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: SPREAD_LINKS_MAX, default: SPREAD_LINKS_DEFAULT })
  @IsOptional()
  @Blank()
  @Type(() => Number)
  @IsInt({ message: SPREAD_LIMIT_MESSAGE })
  @Min(1, { message: SPREAD_LIMIT_MESSAGE })
  @Max(SPREAD_LINKS_MAX, { message: SPREAD_LIMIT_MESSAGE })
  limit?: number;
}

const MONTH = /^\d{4}-\d{2}(-\d{2})?$/;

export class AdoptionQueryDto extends UnitQueryDto {
  @ApiPropertyOptional({
    example: '2025-01',
    description: 'First month (YYYY-MM); default: the first month of the programme in scope.',
  })
  @IsOptional()
  @Blank()
  @IsString()
  @Matches(MONTH, { message: 'from must be a month as YYYY-MM' })
  from?: string;

  @ApiPropertyOptional({
    example: '2026-03',
    description: 'Last month (YYYY-MM), at most 120 months after `from`; default: this month.',
  })
  @IsOptional()
  @Blank()
  @IsString()
  @Matches(MONTH, { message: 'to must be a month as YYYY-MM' })
  to?: string;
}
