import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
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
