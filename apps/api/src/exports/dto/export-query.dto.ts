import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  EXPORT_FORMATS,
  REPORT_FORMATS,
  REPORT_LANGUAGES,
  type ExportFormat,
  type ReportFormat,
  type ReportLanguage,
} from '@olievlek/shared';
import { IsIn, IsOptional } from 'class-validator';
import { OlievlekViewQueryDto, UnitQueryDto } from '../../olievlek/dto/olievlek-query.dto';

const DELIMITERS = ['semicolon', 'comma'] as const;

export class ExportFormatQueryDto {
  @ApiPropertyOptional({ enum: EXPORT_FORMATS, description: 'Default: csv.' })
  @IsOptional()
  @IsIn(EXPORT_FORMATS, { message: `format must be one of ${EXPORT_FORMATS.join(', ')}` })
  format?: ExportFormat;

  @ApiPropertyOptional({
    enum: DELIMITERS,
    description: 'CSV only. Default: semicolon, what Dutch Excel opens directly.',
  })
  @IsOptional()
  @IsIn(DELIMITERS, { message: `delimiter must be one of ${DELIMITERS.join(', ')}` })
  delimiter?: (typeof DELIMITERS)[number];

  @ApiPropertyOptional({ enum: REPORT_LANGUAGES, description: 'Column headers. Default: nl.' })
  @IsOptional()
  @IsIn(REPORT_LANGUAGES, { message: `lang must be one of ${REPORT_LANGUAGES.join(', ')}` })
  lang?: ReportLanguage;
}

export class OlievlekExportQueryDto extends OlievlekViewQueryDto {
  @ApiPropertyOptional({ enum: EXPORT_FORMATS })
  @IsOptional()
  @IsIn(EXPORT_FORMATS, { message: `format must be one of ${EXPORT_FORMATS.join(', ')}` })
  format?: ExportFormat;

  @ApiPropertyOptional({ enum: DELIMITERS })
  @IsOptional()
  @IsIn(DELIMITERS, { message: `delimiter must be one of ${DELIMITERS.join(', ')}` })
  delimiter?: (typeof DELIMITERS)[number];

  @ApiPropertyOptional({ enum: REPORT_LANGUAGES })
  @IsOptional()
  @IsIn(REPORT_LANGUAGES, { message: `lang must be one of ${REPORT_LANGUAGES.join(', ')}` })
  lang?: ReportLanguage;

  @ApiPropertyOptional({
    enum: ['figures', 'units'],
    description: 'CSV only: the key figures per unit (default) or every unit of the subtree.',
  })
  @IsOptional()
  @IsIn(['figures', 'units'], { message: 'table must be figures or units' })
  table?: 'figures' | 'units';
}

export class CheckOffExportQueryDto extends UnitQueryDto {
  @ApiPropertyOptional({ enum: EXPORT_FORMATS })
  @IsOptional()
  @IsIn(EXPORT_FORMATS, { message: `format must be one of ${EXPORT_FORMATS.join(', ')}` })
  format?: ExportFormat;

  @ApiPropertyOptional({ enum: DELIMITERS })
  @IsOptional()
  @IsIn(DELIMITERS, { message: `delimiter must be one of ${DELIMITERS.join(', ')}` })
  delimiter?: (typeof DELIMITERS)[number];

  @ApiPropertyOptional({ enum: REPORT_LANGUAGES })
  @IsOptional()
  @IsIn(REPORT_LANGUAGES, { message: `lang must be one of ${REPORT_LANGUAGES.join(', ')}` })
  lang?: ReportLanguage;
}

export class ReportQueryDto extends OlievlekViewQueryDto {
  @ApiPropertyOptional({ enum: REPORT_LANGUAGES, description: 'Default: nl.' })
  @IsOptional()
  @IsIn(REPORT_LANGUAGES, { message: `lang must be one of ${REPORT_LANGUAGES.join(', ')}` })
  lang?: ReportLanguage;

  @ApiPropertyOptional({
    enum: REPORT_FORMATS,
    description: 'Default: html. pdf: the same page printed by headless Chromium on the server.',
  })
  @IsOptional()
  @IsIn(REPORT_FORMATS, { message: `format must be one of ${REPORT_FORMATS.join(', ')}` })
  format?: ReportFormat;
}
