import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { CASE_LIST_MAX } from '@olievlek/shared';
import type {
  CloseCaseRequest,
  ReopenCaseRequest,
  IntakeRequest,
  ObservationRequest,
  OpenCaseRequest,
  ShareCaseRequest,
} from '@olievlek/shared';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { IsLocalDate, MAX_INT32, NOTE_MAX_LENGTH, Trim } from '../../common/dto-helpers';

const LIMIT_MESSAGE = `limit must be a whole number from 1 to ${CASE_LIST_MAX}`;

export class CaseListQueryDto {
  @ApiPropertyOptional({ enum: ['open', 'closed'] })
  @IsOptional()
  @IsIn(['open', 'closed'], { message: 'status must be open or closed' })
  status?: 'open' | 'closed';

  @ApiPropertyOptional({
    minimum: 1,
    maximum: CASE_LIST_MAX,
    description: 'One page of this many.',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: LIMIT_MESSAGE })
  @Min(1, { message: LIMIT_MESSAGE })
  @Max(CASE_LIST_MAX, { message: LIMIT_MESSAGE })
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, default: 0, description: 'Skip this many (with limit).' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'offset must be a whole number of 0 or more' })
  @Min(0, { message: 'offset must be a whole number of 0 or more' })
  @Max(MAX_INT32, { message: 'offset must be a whole number of 0 or more' })
  offset?: number;
}

export class OpenCaseDto implements OpenCaseRequest {
  @ApiProperty() @IsString() @MaxLength(36) teamId!: string;
}

export class CloseCaseDto implements CloseCaseRequest {
  @ApiProperty() @IsInt() @Min(1) @Max(MAX_INT32) version!: number;
  @ApiProperty()
  @Trim()
  @IsString()
  @MinLength(1, { message: 'closingSummary must not be empty' })
  @MaxLength(NOTE_MAX_LENGTH)
  closingSummary!: string;
}

export class ReopenCaseDto implements ReopenCaseRequest {
  @ApiProperty() @IsInt() @Min(1) @Max(MAX_INT32) version!: number;
  @ApiProperty()
  @Trim()
  @IsString()
  @MinLength(1, { message: 'reason must not be empty' })
  @MaxLength(1000)
  reason!: string;
}

export class ShareCaseDto implements ShareCaseRequest {
  @ApiProperty() @IsString() @MaxLength(36) userId!: string;
}

export class IntakeDtoBody implements IntakeRequest {
  @ApiProperty({ description: '0 for a new intake, else the version you last read.' })
  @IsInt()
  @Min(0)
  @Max(MAX_INT32)
  version!: number;
  @ApiProperty({ example: '2026-11-24' }) @IsLocalDate() heldOn!: string;
  @ApiProperty() @Trim() @IsString() @MaxLength(2000) participants!: string;
  @ApiProperty({ description: 'Private note.' })
  @Trim()
  @IsString()
  @MaxLength(NOTE_MAX_LENGTH)
  situation!: string;
  @ApiProperty() @Trim() @IsString() @MaxLength(NOTE_MAX_LENGTH) wishes!: string;
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MinLength(1, { each: true, message: 'each theme must not be empty' })
  @MaxLength(80, { each: true })
  themes!: string[];
}

export class ObservationBody implements ObservationRequest {
  @ApiProperty({ example: '2026-11-24' }) @IsLocalDate() observedOn!: string;
  @ApiProperty({ description: 'Private note.' })
  @Trim()
  @IsString()
  @MinLength(1, { message: 'text must not be empty' })
  @MaxLength(NOTE_MAX_LENGTH)
  text!: string;
}

export class CaseListQuery {
  @ApiPropertyOptional({ enum: ['open', 'closed'] }) status?: 'open' | 'closed';
}
