import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiCookieAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { PracticeDto, ThemeDto } from '@olievlek/shared';
import type { FastifyRequest } from 'fastify';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Roles } from '../auth/decorators';
import { parseBooleanQuery } from '../common/query';
import { CreatePracticeDto, UpdatePracticeDto, VersionDto } from './dto/practice.dto';
import { CatalogueService } from './catalogue.service';

/** The catalogue is the programme's shared knowledge: every signed-in user may read it. */
@ApiTags('catalogue')
@ApiCookieAuth()
@Controller()
export class CatalogueController {
  constructor(private readonly catalogue: CatalogueService) {}

  @Get('practices')
  @ApiQuery({ name: 'includeRetired', required: false, type: Boolean })
  list(@Query('includeRetired') includeRetired?: string): Promise<PracticeDto[]> {
    return this.catalogue.list(parseBooleanQuery('includeRetired', includeRetired));
  }

  @Get('practices/:id')
  get(@Param('id') id: string): Promise<PracticeDto> {
    return this.catalogue.get(id);
  }

  @Post('practices')
  @Roles('admin')
  create(
    @Body() body: CreatePracticeDto,
    @CurrentUser() user: AuthUser,
    @Req() req: FastifyRequest,
  ): Promise<PracticeDto> {
    return this.catalogue.create(body, user, req.ip);
  }

  @Patch('practices/:id')
  @Roles('admin')
  update(
    @Param('id') id: string,
    @Body() body: UpdatePracticeDto,
    @CurrentUser() user: AuthUser,
    @Req() req: FastifyRequest,
  ): Promise<PracticeDto> {
    return this.catalogue.update(id, body, user, req.ip);
  }

  @Post('practices/:id/retire')
  @HttpCode(200)
  @Roles('admin')
  retire(
    @Param('id') id: string,
    @Body() body: VersionDto,
    @CurrentUser() user: AuthUser,
    @Req() req: FastifyRequest,
  ): Promise<PracticeDto> {
    return this.catalogue.setRetired(id, body.version, true, user, req.ip);
  }

  @Post('practices/:id/restore')
  @HttpCode(200)
  @Roles('admin')
  restore(
    @Param('id') id: string,
    @Body() body: VersionDto,
    @CurrentUser() user: AuthUser,
    @Req() req: FastifyRequest,
  ): Promise<PracticeDto> {
    return this.catalogue.setRetired(id, body.version, false, user, req.ip);
  }

  @Get('themes')
  themes(): Promise<ThemeDto[]> {
    return this.catalogue.themes();
  }
}
