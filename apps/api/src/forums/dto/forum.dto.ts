import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ATTENDANCE_MARK_VALUES, FORUM_KIND_VALUES } from '@olievlek/shared';
import type { AttendanceMarkDto, ForumKindDto } from '@olievlek/shared';
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
import { IsLocalDate, MAX_INT32, NOTE_MAX_LENGTH, Omittable, Trim } from '../../common/dto-helpers';

const nullable = (_: object, value: unknown) => value !== null;

export class CreateForumBody {
  @ApiProperty({ enum: FORUM_KIND_VALUES })
  @IsIn(FORUM_KIND_VALUES, { message: 'kind must be one of the forum kinds' })
  kind!: ForumKindDto;
  @ApiProperty()
  @Trim()
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(200)
  name!: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  purpose?: string;
  @ApiPropertyOptional({ type: CadenceBody, description: 'Defaults to the kind’s own cadence.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => CadenceBody)
  cadence?: CadenceBody;
  @ApiProperty({ example: '2026-12-07' }) @IsLocalDate() startDate!: string;
  @ApiPropertyOptional({
    description: 'An ambassador or admin; defaults to the person creating it.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(36)
  hostId?: string;
}

export class UpdateForumBody {
  @ApiProperty() @IsInt() @Min(1) @Max(MAX_INT32) version!: number;
  @ApiPropertyOptional()
  @Omittable()
  @Trim()
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(200)
  name?: string;
  @ApiPropertyOptional() @Omittable() @IsString() @MaxLength(2000) purpose?: string;
  @ApiPropertyOptional({ type: CadenceBody })
  @Omittable()
  @ValidateNested()
  @Type(() => CadenceBody)
  cadence?: CadenceBody;
  @ApiPropertyOptional() @Omittable() @IsString() @MaxLength(36) hostId?: string;
}

export class AddForumMemberBody {
  @ApiProperty() @IsString() @MaxLength(36) teamId!: string;
  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @ValidateIf(nullable)
  @IsString()
  @MaxLength(36)
  keyUserId?: string | null;
  @ApiPropertyOptional({ description: 'Defaults to today.' })
  @IsOptional()
  @IsLocalDate()
  joinedOn?: string;
}

export class CreateMeetingBody {
  @ApiProperty({ example: '2026-12-14' }) @IsLocalDate() date!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(NOTE_MAX_LENGTH) minutes?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(NOTE_MAX_LENGTH) tips?: string;
}

export class UpdateMeetingBody {
  @ApiProperty() @IsInt() @Min(1) @Max(MAX_INT32) version!: number;
  @ApiPropertyOptional() @Omittable() @IsLocalDate() date?: string;
  @ApiPropertyOptional() @Omittable() @IsString() @MaxLength(NOTE_MAX_LENGTH) minutes?: string;
  @ApiPropertyOptional() @Omittable() @IsString() @MaxLength(NOTE_MAX_LENGTH) tips?: string;
}

export class AttendanceBody {
  @ApiProperty({ enum: ATTENDANCE_MARK_VALUES })
  @IsDefined()
  @IsIn(ATTENDANCE_MARK_VALUES, { message: 'mark must be present, apologised or absent' })
  mark!: AttendanceMarkDto;
}
