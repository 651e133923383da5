import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiCookieAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { OrgUnitDto } from '@olievlek/shared';
import type { FastifyRequest } from 'fastify';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Roles } from '../auth/decorators';
import { parseBooleanQuery } from '../common/query';
import { ArchiveOrgUnitDto, CreateOrgUnitDto, UpdateOrgUnitDto } from './dto/org-unit.dto';
import { OrgUnitsService } from './org-units.service';

@ApiTags('org-units')
@ApiCookieAuth()
@Controller('org-units')
export class OrgUnitsController {
  constructor(private readonly orgUnits: OrgUnitsService) {}

  /** The organisation chart is not confidential: every signed-in user may read it. */
  @Get()
  @ApiQuery({ name: 'includeArchived', required: false, type: Boolean })
  list(@Query('includeArchived') includeArchived?: string): Promise<OrgUnitDto[]> {
    return this.orgUnits.list(parseBooleanQuery('includeArchived', includeArchived));
  }

  @Get(':id')
  get(@Param('id') id: string): Promise<OrgUnitDto> {
    return this.orgUnits.get(id);
  }

  @Post()
  @Roles('admin')
  create(
    @Body() body: CreateOrgUnitDto,
    @CurrentUser() user: AuthUser,
    @Req() req: FastifyRequest,
  ): Promise<OrgUnitDto> {
    return this.orgUnits.create(body, user, req.ip);
  }

  @Patch(':id')
  @Roles('admin')
  update(
    @Param('id') id: string,
    @Body() body: UpdateOrgUnitDto,
    @CurrentUser() user: AuthUser,
    @Req() req: FastifyRequest,
  ): Promise<OrgUnitDto> {
    return this.orgUnits.update(id, body, user, req.ip);
  }

  @Post(':id/archive')
  @HttpCode(200)
  @Roles('admin')
  archive(
    @Param('id') id: string,
    @Body() body: ArchiveOrgUnitDto,
    @CurrentUser() user: AuthUser,
    @Req() req: FastifyRequest,
  ): Promise<OrgUnitDto> {
    return this.orgUnits.archive(id, body, user, req.ip);
  }

  @Post(':id/restore')
  @HttpCode(200)
  @Roles('admin')
  restore(
    @Param('id') id: string,
    @Body() body: ArchiveOrgUnitDto,
    @CurrentUser() user: AuthUser,
    @Req() req: FastifyRequest,
  ): Promise<OrgUnitDto> {
    return this.orgUnits.restore(id, body, user, req.ip);
  }
}
