import { ApiProperty } from '@nestjs/swagger';
import type {
  CheckOffRequest,
  CheckOffState,
  OpenPulseRequest,
  PulseAnswerRequest,
  ReflectionRequest,
} from '@olievlek/shared';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsOptional,
  IsIn,
  IsInt,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { Omittable, Trim } from '../../common/dto-helpers';

export class CheckOffBody implements CheckOffRequest {
  @ApiProperty({ enum: ['done', 'skipped'] }) @IsIn(['done', 'skipped']) state!: CheckOffState;
  @ApiProperty({ required: false, description: 'Required when skipped.' })
  @ValidateIf((o: CheckOffBody) => o.state === 'skipped' || o.reason !== undefined)
  @Trim()
  @IsString()
  @MinLength(1, { message: 'reason is required when a step is skipped' })
  @MaxLength(500)
  reason?: string;
}

export class ReflectionBody implements ReflectionRequest {
  @ApiProperty()
  @Trim()
  @IsString()
  @MinLength(1, { message: 'text must not be empty' })
  @MaxLength(2000)
  text!: string;
}

class PulseAnswerItem {
  @ApiProperty() @IsString() @MaxLength(36) questionId!: string;
  @ApiProperty({ minimum: 1, maximum: 5 }) @IsInt() @Min(1) @Max(5) score!: number;
}

export class PulseAnswerBody implements PulseAnswerRequest {
  @ApiProperty({ type: [PulseAnswerItem] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => PulseAnswerItem)
  answers!: PulseAnswerItem[];
}

export class OpenPulseBody implements OpenPulseRequest {
  @ApiProperty() @IsString() @MaxLength(36) teamId!: string;
}

class QuestionText {
  @ApiProperty()
  @Trim()
  @IsString()
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(300)
  nl!: string;
  @ApiProperty()
  @Trim()
  @IsString()
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(300)
  en!: string;
}

export class PulseQuestionBody {
  @ApiProperty({ type: QuestionText })
  @IsDefined()
  @ValidateNested()
  @Type(() => QuestionText)
  text!: QuestionText;
}

export class PulseQuestionPatch {
  @ApiProperty({ type: QuestionText, required: false })
  @IsOptional()
  @ValidateNested()
  @Type(() => QuestionText)
  text?: QuestionText;
  @ApiProperty({ required: false }) @Omittable() @IsBoolean() active?: boolean;
}
