import { Controller, Get, Query, Req, StreamableFile } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { AuditPageDto, AuditQuery } from '@olievlek/shared';
import type { FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Roles } from '../auth/decorators';
import { auditCsvHeader, auditCsvRow, csvLine, delimiterChar, UTF8_BOM } from './audit-csv';
import { AuditLogService } from './audit-log.service';
import { AuditService } from './audit.service';
import { AuditExportQueryDto, AuditFilterDto, AuditPageQueryDto } from './dto/audit-query.dto';

/** Only the filter fields, without paging or format: what the query and the export record use. */
function filterOf(query: AuditFilterDto): AuditQuery {
  const { actorId, actor, action, objectType, objectId, result, from, to } = query;
  return Object.fromEntries(
    Object.entries({ actorId, actor, action, objectType, objectId, result, from, to }).filter(
      ([, v]) => v !== undefined,
    ),
  );
}

/**
 * The audit trail for admins: browse, filter, export. Read-only by design — there is no route
 * that changes or deletes an event, and an export is itself an audited event.
 */
@ApiTags('audit')
@ApiCookieAuth()
@Roles('admin')
@Controller('audit')
export class AuditController {
  constructor(
    private readonly log: AuditLogService,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Audit events, newest first, filtered and paged by cursor.' })
  @ApiOkResponse({ description: '{ events, nextCursor }' })
  list(@Query() query: AuditPageQueryDto): Promise<AuditPageDto> {
    return this.log.page(filterOf(query), query.limit, query.cursor);
  }

  @Get('actions')
  @ApiOperation({ summary: 'The actions that occur in the log, for a filter choice list.' })
  @ApiOkResponse({ type: [String] })
  actions(): Promise<string[]> {
    return this.log.actions();
  }

  @Get('export')
  @ApiOperation({
    summary: 'The filtered audit trail as CSV (UTF-8 with BOM). The export itself is audited.',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'A CSV file with a header row, newest event first.' })
  async export(
    @Query() query: AuditExportQueryDto,
    @CurrentUser() user: AuthUser,
    @Req() req: FastifyRequest,
  ): Promise<StreamableFile> {
    const filter = filterOf(query);
    const separator = delimiterChar(query.delimiter);
    const language = query.language ?? 'en';
    // Reject bad filters (e.g. to before from) before anything is recorded or sent.
    this.log.assertValid(filter);
    await this.audit.record({
      actorId: user.id,
      action: 'audit.export',
      objectType: 'audit_log',
      result: 'success',
      origin: req.ip,
      detail: { filter, format: 'csv' },
    });

    const log = this.log;
    const timeZone = log.timeZone;
    async function* csv(): AsyncGenerator<string> {
      yield UTF8_BOM + csvLine(auditCsvHeader(language), separator);
      for await (const events of log.batches(filter)) {
        yield events.map((e) => auditCsvRow(e, timeZone, separator)).join('');
      }
    }
    const stamp = new Date().toISOString().slice(0, 10);
    return new StreamableFile(Readable.from(csv(), { objectMode: false }), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="olievlek-auditlog-${stamp}.csv"`,
    });
  }
}
