import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CreateSpreadLinkRequest } from '@olievlek/shared';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { IsLocalDate } from '../../common/dto-helpers';

export const SPREAD_NOTE_MAX_LENGTH = 2000;

export class CreateSpreadLinkDto implements CreateSpreadLinkRequest {
  @ApiProperty({ description: 'The team it was taken up from.' })
  @IsString()
  @MaxLength(36)
  sourceTeamId!: string;

  @ApiProperty({ description: 'The team that took it up.' })
  @IsString()
  @MaxLength(36)
  targetTeamId!: string;

  @ApiPropertyOptional({
    nullable: true,
    description: 'The catalogue practice; leave out for a plain "learned from".',
  })
  @IsOptional()
  @IsString()
  @MaxLength(36)
  practiceId?: string | null;

  @ApiProperty({ example: '2026-03-02', description: 'When the target took it up.' })
  @IsLocalDate()
  on!: string;

  @ApiPropertyOptional({ nullable: true, maxLength: SPREAD_NOTE_MAX_LENGTH })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim() || null : value,
  )
  @IsString()
  @MaxLength(SPREAD_NOTE_MAX_LENGTH)
  note?: string | null;
}
