import { ApiProperty } from '@nestjs/swagger';
import type { Locale, LoginRequest, UpdatePreferencesRequest } from '@olievlek/shared';
import { LOCALES } from '@olievlek/shared';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto implements LoginRequest {
  @ApiProperty({ example: 'admin@voorbeeldstad.example' })
  @IsString()
  @MinLength(3)
  @MaxLength(320)
  email!: string;

  @ApiProperty({ example: 'olievlek-demo' })
  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  password!: string;
}

export class UpdatePreferencesDto implements UpdatePreferencesRequest {
  @ApiProperty({ enum: LOCALES })
  @IsIn(LOCALES)
  locale!: Locale;
}
