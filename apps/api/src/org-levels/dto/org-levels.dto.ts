import { ApiProperty } from '@nestjs/swagger';
import { MAX_ORG_DEPTH } from '@olievlek/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Trim } from '../../common/dto-helpers';

export class OrgLevelNameBody {
  @ApiProperty({ example: 'Cluster' }) @Trim() @IsString() @MaxLength(60) nl!: string;
  @ApiProperty({ example: 'Cluster' }) @Trim() @IsString() @MaxLength(60) en!: string;
}

export class PutOrgLevelsBody {
  @ApiProperty({
    type: [OrgLevelNameBody],
    description: 'Depth 1 first (just below the organisation).',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ORG_DEPTH)
  @ValidateNested({ each: true })
  @Type(() => OrgLevelNameBody)
  names!: OrgLevelNameBody[];

  @ApiProperty({ example: 2 }) @IsInt() @Min(1) @Max(MAX_ORG_DEPTH) departmentLevel!: number;
}
