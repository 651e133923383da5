import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  AUDIT_CSV_DELIMITERS,
  AUDIT_PAGE_DEFAULT,
  AUDIT_PAGE_MAX,
  AUDIT_RESULTS,
  REPORT_LANGUAGES,
} from '@olievlek/shared';
import type {
  AuditCsvDelimiter,
  AuditPageQuery,
  AuditQuery,
  AuditResult,
  ReportLanguage,
} from '@olievlek/shared';
import { Transform, Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
} from 'class-validator';
import { IsLocalDate } from '../../common/dto-helpers';

/** `?action=` means "no filter", not "an empty action": trim, and drop what is left empty. */
const Blank = () =>
  Transform(({ value }: { value: unknown }) => {
    if (typeof value !== 'string') return value;
    const trimmed = value.trim();
    return trimmed === '' ? undefined : trimmed;
  });

/** PostgreSQL refuses a NUL character in text: say so as a 400 instead of failing the query. */
const NoNul = () =>
  ValidateBy({
    name: 'noNul',
    validator: {
      validate: (value: unknown) => typeof value !== 'string' || !value.includes('\u0000'),
      defaultMessage: (args) => `${args?.property} must not contain a NUL character`,
    },
  });

export class AuditFilterDto implements AuditQuery {
  @ApiPropertyOptional({ description: 'Exact user id of the actor.' })
  @IsOptional()
  @Blank()
  @IsString()
  @MaxLength(36)
  @NoNul()
  actorId?: string;

  @ApiPropertyOptional({ description: "Part of the actor's name or e-mail, case-insensitive." })
  @IsOptional()
  @Blank()
  @IsString()
  @MaxLength(200)
  @NoNul()
  actor?: string;

  @ApiPropertyOptional({ example: 'note.read' })
  @IsOptional()
  @Blank()
  @IsString()
  @Matches(/^[a-z][a-z_]*(\.[a-z_]+)*$/, {
    message: 'action must look like domain.verb, e.g. note.read',
  })
  @MaxLength(64)
  action?: string;

  @ApiPropertyOptional({ example: 'observation' })
  @IsOptional()
  @Blank()
  @IsString()
  @Matches(/^[a-z][a-z_]*$/, { message: 'objectType must be a lower-case word, e.g. case' })
  @MaxLength(32)
  objectType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Blank()
  @IsString()
  @MaxLength(36)
  @NoNul()
  objectId?: string;

  @ApiPropertyOptional({ enum: AUDIT_RESULTS })
  @IsOptional()
  @Blank()
  @IsIn(AUDIT_RESULTS, { message: `result must be one of ${AUDIT_RESULTS.join(', ')}` })
  result?: AuditResult;

  @ApiPropertyOptional({
    description: "First day (inclusive), YYYY-MM-DD in the organisation's time zone.",
    example: '2026-01-01',
  })
  @IsOptional()
  @Blank()
  @IsLocalDate()
  from?: string;

  @ApiPropertyOptional({
    description: "Last day (inclusive), YYYY-MM-DD in the organisation's time zone.",
    example: '2026-01-31',
  })
  @IsOptional()
  @Blank()
  @IsLocalDate()
  to?: string;
}

export class AuditPageQueryDto extends AuditFilterDto implements AuditPageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: AUDIT_PAGE_MAX, default: AUDIT_PAGE_DEFAULT })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: `limit must be a whole number from 1 to ${AUDIT_PAGE_MAX}` })
  @Min(1, { message: `limit must be a whole number from 1 to ${AUDIT_PAGE_MAX}` })
  @Max(AUDIT_PAGE_MAX, { message: `limit must be a whole number from 1 to ${AUDIT_PAGE_MAX}` })
  limit?: number;

  @ApiPropertyOptional({ description: 'The nextCursor of the previous page.' })
  @IsOptional()
  @Blank()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,200}$/, { message: 'cursor is not a cursor this API handed out' })
  cursor?: string;
}

export class AuditExportQueryDto extends AuditFilterDto {
  @ApiPropertyOptional({ enum: ['csv'], default: 'csv' })
  @IsOptional()
  @IsIn(['csv'], { message: 'format must be csv' })
  format?: 'csv';

  @ApiPropertyOptional({
    enum: AUDIT_CSV_DELIMITERS,
    default: 'comma',
    description: 'Dutch spreadsheet settings expect a semicolon.',
  })
  @IsOptional()
  @IsIn(AUDIT_CSV_DELIMITERS, { message: 'delimiter must be comma or semicolon' })
  delimiter?: AuditCsvDelimiter;

  @ApiPropertyOptional({
    enum: REPORT_LANGUAGES,
    default: 'en',
    description: 'Header row language.',
  })
  @IsOptional()
  @IsIn(REPORT_LANGUAGES, { message: 'language must be nl or en' })
  language?: ReportLanguage;
}
