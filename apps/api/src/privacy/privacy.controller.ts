import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { AnonymiseUserResultDto, DataExportDto, RetentionRunDto } from '@olievlek/shared';
import type { FastifyReply } from 'fastify';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Origin, Roles } from '../auth/decorators';
import { AnonymiseService } from './anonymise.service';
import { DataExportService } from './data-export.service';
import { AnonymiseUserDto, DataExportQuery } from './dto/privacy.dto';
import { EXPORT_PAGE_CSP, renderExportHtml } from './export-html';
import { RetentionService } from './retention.service';

/** AVG rights of a person, exercised by an admin on their behalf: access and erasure. */
@ApiTags('privacy')
@ApiCookieAuth()
@Roles('admin')
@Controller('users')
export class PrivacyController {
  constructor(
    private readonly exports: DataExportService,
    private readonly anonymiser: AnonymiseService,
  ) {}

  @Get(':id/data-export')
  @ApiProduces('application/json', 'text/html')
  @ApiOkResponse({
    description:
      'Everything held about the person: JSON, or with format=html a printable Dutch page.',
  })
  async dataExport(
    @Param('id') id: string,
    @Query() query: DataExportQuery,
    @CurrentUser() user: AuthUser,
    @Origin() origin: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DataExportDto | string> {
    const format = query.format ?? 'json';
    const data = await this.exports.export(id, format, user, origin);
    // Personal data: never kept by a browser or proxy cache.
    reply.header('cache-control', 'no-store');
    if (format === 'json') return data;
    reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-security-policy', EXPORT_PAGE_CSP);
    return renderExportHtml(data);
  }

  @Post(':id/anonymise')
  @HttpCode(200)
  anonymise(
    @Param('id') id: string,
    @Body() body: AnonymiseUserDto,
    @CurrentUser() user: AuthUser,
    @Origin() origin: string,
  ): Promise<AnonymiseUserResultDto> {
    return this.anonymiser.anonymise(id, body.version, user, origin);
  }
}

/** The retention job runs daily by itself; admins can run it now, e.g. after changing the term. */
@ApiTags('privacy')
@ApiCookieAuth()
@Roles('admin')
@Controller('admin/retention')
export class RetentionController {
  constructor(private readonly retention: RetentionService) {}

  @Post('run')
  @HttpCode(200)
  run(@CurrentUser() user: AuthUser, @Origin() origin: string): Promise<RetentionRunDto> {
    return this.retention.purge(user.id, origin);
  }
}
