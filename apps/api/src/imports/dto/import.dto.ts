import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';

export class ConfirmImportQueryDto {
  @ApiProperty({ description: 'The previewId of the preview the admin saw for this file.' })
  @IsString()
  @Matches(/^[0-9a-f]{64}$/, { message: 'previewId must be the id a preview handed out' })
  previewId!: string;
}
