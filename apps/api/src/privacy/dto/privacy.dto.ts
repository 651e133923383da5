import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AnonymiseUserRequest, DataExportFormat } from '@olievlek/shared';
import { Equals, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { MAX_INT32 } from '../../common/dto-helpers';

export class AnonymiseUserDto implements AnonymiseUserRequest {
  @ApiProperty({ description: 'The version of the user you last read.' })
  @IsInt()
  @Min(1)
  @Max(MAX_INT32)
  version!: number;

  @ApiProperty({ enum: [true], description: 'Must be true: anonymising cannot be undone.' })
  @Equals(true, { message: 'confirm must be true: anonymising cannot be undone' })
  confirm!: true;
}

export class DataExportQuery {
  @ApiPropertyOptional({ enum: ['json', 'html'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'html'], { message: 'format must be json or html' })
  format?: DataExportFormat;
}
