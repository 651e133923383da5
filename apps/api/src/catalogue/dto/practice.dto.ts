import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { PracticeRequest, Translated, UpdatePracticeRequest } from '@olievlek/shared';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { CadenceBody } from '../../common/cadence.dto';
import { MAX_INT32, Trim } from '../../common/dto-helpers';

class ShortTranslated implements Translated {
  @ApiProperty()
  @Trim()
  @IsString()
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(200)
  nl!: string;
  @ApiProperty()
  @Trim()
  @IsString()
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(200)
  en!: string;
}

class LongTranslated implements Translated {
  @ApiProperty() @Trim() @IsString() @MaxLength(4000) nl!: string;
  @ApiProperty() @Trim() @IsString() @MaxLength(4000) en!: string;
}

export class CreatePracticeDto implements Omit<PracticeRequest, 'cadence'> {
  @ApiProperty({ type: ShortTranslated })
  @IsDefined()
  @ValidateNested()
  @Type(() => ShortTranslated)
  title!: ShortTranslated;
  @ApiProperty({ type: LongTranslated })
  @IsDefined()
  @ValidateNested()
  @Type(() => LongTranslated)
  description!: LongTranslated;
  @ApiProperty({ type: LongTranslated })
  @IsDefined()
  @ValidateNested()
  @Type(() => LongTranslated)
  why!: LongTranslated;
  @ApiProperty({ type: CadenceBody })
  @IsDefined()
  @ValidateNested()
  @Type(() => CadenceBody)
  cadence!: CadenceBody;
  @ApiProperty() @Trim() @IsString() @MinLength(1) @MaxLength(40) category!: string;
  @ApiProperty() @IsBoolean() needsPartner!: boolean;
}

export class UpdatePracticeDto implements Omit<UpdatePracticeRequest, 'cadence'> {
  @ApiProperty() @IsInt() @Min(1) @Max(MAX_INT32) version!: number;
  @ApiPropertyOptional({ type: ShortTranslated })
  @IsOptional()
  @ValidateNested()
  @Type(() => ShortTranslated)
  title?: ShortTranslated;
  @ApiPropertyOptional({ type: LongTranslated })
  @IsOptional()
  @ValidateNested()
  @Type(() => LongTranslated)
  description?: LongTranslated;
  @ApiPropertyOptional({ type: LongTranslated })
  @IsOptional()
  @ValidateNested()
  @Type(() => LongTranslated)
  why?: LongTranslated;
  @ApiPropertyOptional({ type: CadenceBody })
  @IsOptional()
  @ValidateNested()
  @Type(() => CadenceBody)
  cadence?: CadenceBody;
  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  category?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() needsPartner?: boolean;
}

export class VersionDto {
  @ApiProperty() @IsInt() @Min(1) @Max(MAX_INT32) version!: number;
}
