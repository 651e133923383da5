import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AGREEMENT_STATUS_VALUES } from '@olievlek/shared';
import type { AgreementStatusDto } from '@olievlek/shared';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { CadenceBody } from '../../common/cadence.dto';
import { IsLocalDate, MAX_INT32, Trim } from '../../common/dto-helpers';

const nullable = (_: object, value: unknown) => value !== null;

export class CreateAgreementDto {
  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @ValidateIf(nullable)
  @IsString()
  @MaxLength(36)
  practiceId?: string | null;
  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(1, { message: 'title must not be empty' })
  @MaxLength(200)
  title?: string;
  @ApiProperty({ type: CadenceBody })
  @IsDefined()
  @ValidateNested()
  @Type(() => CadenceBody)
  cadence!: CadenceBody;
  @ApiProperty({ example: '2026-11-30' }) @IsLocalDate() startDate!: string;
  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @ValidateIf(nullable)
  @IsLocalDate()
  reviewDate?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @ValidateIf(nullable)
  @IsLocalDate()
  endDate?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @ValidateIf(nullable)
  @IsString()
  @MaxLength(36)
  ownerId?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @ValidateIf(nullable)
  @IsString()
  @MaxLength(36)
  partnerTeamId?: string | null;
  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(2000)
  successCriterion?: string;
  @ApiPropertyOptional({ enum: ['proposed', 'running'] })
  @IsOptional()
  @IsIn(['proposed', 'running'])
  status?: 'proposed' | 'running';
}

export class UpdateAgreementDto {
  @ApiProperty() @IsInt() @Min(1) @Max(MAX_INT32) version!: number;
  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(1, { message: 'title must not be empty' })
  @MaxLength(200)
  title?: string;
  @ApiPropertyOptional({ type: CadenceBody })
  @IsOptional()
  @ValidateNested()
  @Type(() => CadenceBody)
  cadence?: CadenceBody;
  @ApiPropertyOptional() @IsOptional() @IsLocalDate() startDate?: string;
  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @ValidateIf(nullable)
  @IsLocalDate()
  reviewDate?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @ValidateIf(nullable)
  @IsLocalDate()
  endDate?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @ValidateIf(nullable)
  @IsString()
  @MaxLength(36)
  ownerId?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @ValidateIf(nullable)
  @IsString()
  @MaxLength(36)
  partnerTeamId?: string | null;
  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(2000)
  successCriterion?: string;
}

export class AgreementStatusBody {
  @ApiProperty() @IsInt() @Min(1) @Max(MAX_INT32) version!: number;
  @ApiProperty({ enum: AGREEMENT_STATUS_VALUES })
  @IsIn(AGREEMENT_STATUS_VALUES)
  status!: AgreementStatusDto;
  @ApiPropertyOptional({ description: 'Local date of the change; today when left out.' })
  @IsOptional()
  @IsLocalDate()
  on?: string;
  @ApiProperty()
  @Trim()
  @IsString()
  @MinLength(1, { message: 'reason must not be empty' })
  @MaxLength(1000)
  reason!: string;
}
