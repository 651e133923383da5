import { Body, Controller, Get, Put, Req } from '@nestjs/common';
import { ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import type { OrgLevelsDto } from '@olievlek/shared';
import type { FastifyRequest } from 'fastify';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Roles } from '../auth/decorators';
import { PutOrgLevelsBody } from './dto/org-levels.dto';
import { OrgLevelsService } from './org-levels.service';

@ApiTags('org-units')
@ApiCookieAuth()
@Controller('org-levels')
export class OrgLevelsController {
  constructor(private readonly levels: OrgLevelsService) {}

  /** Every signed-in person: screens name the levels (the map, the report, the admin tree). */
  @Get()
  get(): Promise<OrgLevelsDto> {
    return this.levels.get();
  }

  @Put()
  @Roles('admin')
  put(
    @Body() body: PutOrgLevelsBody,
    @CurrentUser() user: AuthUser,
    @Req() req: FastifyRequest,
  ): Promise<OrgLevelsDto> {
    return this.levels.put(user, body, req.ip);
  }
}
