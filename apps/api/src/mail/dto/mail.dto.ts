import { ApiProperty } from '@nestjs/swagger';
import {
  MAIL_KINDS,
  type MailKind,
  type MailKindPreferenceDto,
  type UpdateMailPreferencesRequest,
} from '@olievlek/shared';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';

export class MailKindPreferenceBody implements MailKindPreferenceDto {
  @ApiProperty({ enum: MAIL_KINDS })
  @IsIn(MAIL_KINDS, { message: `kind must be one of ${MAIL_KINDS.join(', ')}` })
  kind!: MailKind;

  @ApiProperty()
  @IsBoolean()
  enabled!: boolean;
}

export class UpdateMailPreferencesDto implements UpdateMailPreferencesRequest {
  @ApiProperty({ type: [MailKindPreferenceBody] })
  @IsArray()
  @ArrayMaxSize(MAIL_KINDS.length)
  @ValidateNested({ each: true })
  @Type(() => MailKindPreferenceBody)
  kinds!: MailKindPreferenceBody[];
}

export class UnsubscribeQuery {
  @ApiProperty({ description: 'The token from the unsubscribe link of a mail.' })
  @IsString()
  @MaxLength(200)
  @Matches(/^[A-Za-z0-9._-]+$/, { message: 'token is not an unsubscribe token' })
  token!: string;
}

export class MailRunBody {
  @ApiProperty({ enum: MAIL_KINDS })
  @IsIn(MAIL_KINDS, { message: `kind must be one of ${MAIL_KINDS.join(', ')}` })
  kind!: MailKind;
}
