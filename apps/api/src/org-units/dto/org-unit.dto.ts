import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  ArchiveOrgUnitRequest,
  CreateOrgUnitRequest,
  UpdateOrgUnitRequest,
} from '@olievlek/shared';
import {
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { MAX_INT32, Omittable, UnitName } from '../../common/dto-helpers';

export class CreateOrgUnitDto implements CreateOrgUnitRequest {
  @ApiProperty({ description: 'The parent unit; the new unit is one level below it.' })
  @IsString()
  @MaxLength(36)
  parentId!: string;

  @ApiProperty({ example: 'Team Wijkzaken Noord' })
  @UnitName()
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Only for teams.' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(0)
  @Max(100000)
  headcount?: number | null;
}

export class UpdateOrgUnitDto implements UpdateOrgUnitRequest {
  @ApiProperty({ description: 'The version you last read; a stale one gets 409.' })
  @IsInt()
  @Min(1)
  @Max(MAX_INT32)
  version!: number;

  @ApiPropertyOptional()
  @IsOptional()
  @UnitName()
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ description: 'Move the unit under another parent of the right level.' })
  @Omittable()
  @IsString()
  @MaxLength(36)
  parentId?: string;

  @ApiPropertyOptional({ type: Number, nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(0)
  @Max(100000)
  headcount?: number | null;
}

export class ArchiveOrgUnitDto implements ArchiveOrgUnitRequest {
  @ApiProperty()
  @IsInt()
  @Min(1)
  @Max(MAX_INT32)
  version!: number;

  @ApiPropertyOptional({ description: 'Archive a team with an open case after the warning.' })
  @IsOptional()
  @IsBoolean()
  confirmOpenCase?: boolean;
}
