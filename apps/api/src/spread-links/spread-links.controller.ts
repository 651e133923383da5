import { Body, Controller, Delete, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { SpreadLinkDto } from '@olievlek/shared';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Origin, Roles } from '../auth/decorators';
import { CreateSpreadLinkDto } from './dto/spread-link.dto';
import { SpreadLinksService } from './spread-links.service';

/** "Team B took up practice P from team A": the edges of the oil stain. */
@ApiTags('olievlek')
@ApiCookieAuth()
@Controller('spread-links')
export class SpreadLinksController {
  constructor(private readonly links: SpreadLinksService) {}

  @Post()
  @Roles('admin', 'ambassador', 'team')
  @ApiOperation({
    summary:
      'Record a spread link: admins any; ambassadors for a team of their cases; team members for their own team as the target.',
  })
  @ApiCreatedResponse({ description: 'SpreadLinkDto' })
  @ApiForbiddenResponse({ description: 'FORBIDDEN_SCOPE: not a team you may record for.' })
  @ApiConflictResponse({ description: 'SPREAD_LINK_DUPLICATE: the same teams and practice.' })
  create(
    @Body() body: CreateSpreadLinkDto,
    @CurrentUser() user: AuthUser,
    @Origin() origin: string,
  ): Promise<SpreadLinkDto> {
    return this.links.create(user, body, origin);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('admin', 'ambassador', 'team')
  @ApiOperation({ summary: 'Remove a spread link: the person who recorded it, or an admin.' })
  @ApiNoContentResponse({ description: 'Removed.' })
  @ApiForbiddenResponse({ description: 'SPREAD_LINK_NOT_RECORDER' })
  remove(
    @Param('id') id: string,
    @CurrentUser() user: AuthUser,
    @Origin() origin: string,
  ): Promise<void> {
    return this.links.remove(user, id, origin);
  }
}
