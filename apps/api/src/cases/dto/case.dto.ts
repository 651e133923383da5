import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  CloseCaseRequest,
  IntakeRequest,
  ObservationRequest,
  OpenCaseRequest,
  ShareCaseRequest,
} from '@olievlek/shared';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { IsLocalDate, MAX_INT32, NOTE_MAX_LENGTH, Trim } from '../../common/dto-helpers';

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
