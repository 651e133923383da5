import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IMPORT_MODES, type ImportMode } from '@olievlek/shared';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

export class ConfirmImportQueryDto {
  @ApiProperty({ description: 'The previewId of the preview the admin saw for this file.' })
  @IsString()
  @Matches(/^[0-9a-f]{64}$/, { message: 'previewId must be the id a preview handed out' })
  previewId!: string;

  @ApiPropertyOptional({
    enum: IMPORT_MODES,
    default: 'add-update',
    description: 'add-update never archives; archive also archives what the file leaves out.',
  })
  @IsOptional()
  @IsIn(IMPORT_MODES)
  mode?: ImportMode;

  @ApiPropertyOptional({
    description: 'In archive mode: the number of archives the preview named, as confirmed.',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  archiveCount?: number;
}
