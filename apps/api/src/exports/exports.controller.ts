import { Controller, Get, Inject, Query, Res, StreamableFile } from '@nestjs/common';
import {
  ApiCookieAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { ExportFormat, OlievlekViewDto } from '@olievlek/shared';
import type { FastifyReply } from 'fastify';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Origin, Roles } from '../auth/decorators';
import { nowIso } from '../common/time';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { OlievlekTrendsService } from '../olievlek/olievlek-trends.service';
import { OlievlekViewService } from '../olievlek/olievlek-view.service';
import { EXPORT_PAGE_CSP } from '../privacy/export-html';
import {
  CheckOffExportQueryDto,
  ExportFormatQueryDto,
  OlievlekExportQueryDto,
  ReportQueryDto,
} from './dto/export-query.dto';
import { ExportsService } from './exports.service';
import { PdfRenderer } from './pdf-renderer';
import { renderDirectorReport, type ReportPage } from './report-html';
import { tablesToXlsx, tableToCsv, type SheetTable } from './spreadsheet';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A filename part from a unit's name: letters, digits and dashes only. */
const slug = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase()
    .slice(0, 60) || 'export';

async function file(
  reply: FastifyReply,
  tables: SheetTable[],
  format: ExportFormat,
  delimiter: 'semicolon' | 'comma' | undefined,
  name: string,
): Promise<StreamableFile> {
  // Figures of the organisation: not for a shared cache.
  reply.header('cache-control', 'no-store');
  const stamp = nowIso().slice(0, 10);
  if (format === 'xlsx') {
    return new StreamableFile(await tablesToXlsx(tables), {
      type: XLSX_TYPE,
      disposition: `attachment; filename="olievlek-${name}-${stamp}.xlsx"`,
    });
  }
  const text = tableToCsv(tables[0], delimiter === 'comma' ? ',' : ';');
  return new StreamableFile(Buffer.from(text, 'utf8'), {
    type: 'text/csv; charset=utf-8',
    disposition: `attachment; filename="olievlek-${name}-${stamp}.csv"`,
  });
}

/**
 * Downloads of the figures as CSV (UTF-8 with BOM, `;` by default for Dutch Excel) or XLSX, and
 * the printable director's report. Who may download what is who may see it on screen; every
 * download is audited like the audit log's export.
 */
@ApiTags('exports')
@ApiCookieAuth()
@Controller('exports')
export class ExportsController {
  constructor(
    private readonly exports: ExportsService,
    private readonly view: OlievlekViewService,
    private readonly trends: OlievlekTrendsService,
    private readonly pdf: PdfRenderer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('olievlek')
  @Roles('admin', 'ambassador', 'director')
  @ApiOperation({
    summary:
      "The olievlek view's tables of a unit at a date: key figures per unit, and every unit of the subtree (XLSX: both sheets).",
  })
  @ApiProduces('text/csv', XLSX_TYPE)
  @ApiOkResponse({ description: 'A CSV or XLSX file.' })
  @ApiForbiddenResponse({ description: 'FORBIDDEN_SCOPE: the unit lies outside your scope.' })
  async olievlek(
    @Query() query: OlievlekExportQueryDto,
    @CurrentUser() user: AuthUser,
    @Origin() origin: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const format = query.format ?? 'csv';
    const { view, figures, units } = await this.exports.olievlek(user, query, query.lang ?? 'nl');
    await this.exports.record(user, origin, 'export.olievlek', {
      format,
      unitId: view.unit.id,
      date: view.date,
    });
    const tables = format === 'csv' && query.table === 'units' ? [units] : [figures, units];
    return file(reply, tables, format, query.delimiter, `${slug(view.unit.name)}-${view.date}`);
  }

  @Get('cases')
  @Roles('admin', 'ambassador')
  @ApiOperation({ summary: 'Every case without notes: team, status, ambassadors, stage, steps.' })
  @ApiProduces('text/csv', XLSX_TYPE)
  @ApiOkResponse({ description: 'A CSV or XLSX file.' })
  async cases(
    @Query() query: ExportFormatQueryDto,
    @CurrentUser() user: AuthUser,
    @Origin() origin: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const format = query.format ?? 'csv';
    const table = await this.exports.caseList(query.lang ?? 'nl');
    await this.exports.record(user, origin, 'export.cases', { format, rows: table.rows.length });
    return file(reply, [table], format, query.delimiter, 'casussen');
  }

  @Get('check-offs')
  @Roles('admin', 'ambassador', 'director')
  @ApiOperation({
    summary:
      'The check-off history of a unit. Directors: their scope only, without who ticked or the reason.',
  })
  @ApiProduces('text/csv', XLSX_TYPE)
  @ApiOkResponse({ description: 'A CSV or XLSX file.' })
  @ApiForbiddenResponse({ description: 'FORBIDDEN_SCOPE: the unit lies outside your scope.' })
  async checkOffs(
    @Query() query: CheckOffExportQueryDto,
    @CurrentUser() user: AuthUser,
    @Origin() origin: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const format = query.format ?? 'csv';
    const result = await this.exports.checkOffs(user, query.unitId, query.lang ?? 'nl');
    await this.exports.record(user, origin, 'export.check_offs', {
      format,
      unitId: result.unitId,
      rows: result.table.rows.length,
      withNames: result.personal,
    });
    return file(reply, [result.table], format, query.delimiter, 'afvinkingen');
  }

  @Get('director-report')
  @Roles('admin', 'ambassador', 'director')
  @ApiOperation({
    summary:
      'A print-ready HTML report of a unit at a date: one page per directorate (default: your scope), in Dutch or English; format=pdf prints that same page to PDF on the server.',
  })
  @ApiProduces('text/html', 'application/pdf')
  @ApiOkResponse({ description: 'A self-contained HTML page with a strict CSP, or its PDF.' })
  @ApiForbiddenResponse({ description: 'FORBIDDEN_SCOPE: the unit lies outside your scope.' })
  async report(
    @Query() query: ReportQueryDto,
    @CurrentUser() user: AuthUser,
    @Origin() origin: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string | StreamableFile> {
    const lang = query.lang ?? 'nl';
    const format = query.format ?? 'html';
    const top = await this.view.view(user, { unitId: query.unitId, date: query.date });
    let views: OlievlekViewDto[] = [top];
    if (top.unit.kind === 'organisation') {
      // One page per directorate, in the order of the view's table.
      views = [];
      for (const child of top.children) {
        views.push(await this.view.view(user, { unitId: child.unit.id, date: top.date }));
      }
      if (!views.length) views = [top];
    }
    const pages: ReportPage[] = [];
    for (const view of views) {
      // The S-curve up to the chosen month, as the screen's timeline shows it.
      const adoption = await this.trends.adoption(user, {
        unitId: view.unit.id,
        to: view.date.slice(0, 7),
      });
      pages.push({ view, adoption });
    }
    const html = renderDirectorReport(pages, lang, nowIso(), this.config.orgTimezone);
    // Printed before the audit record: a PDF that could not be made was not handed out.
    const pdf = format === 'pdf' ? await this.pdf.pdf(html) : null;
    await this.exports.record(user, origin, 'export.director_report', {
      format,
      unitId: top.unit.id,
      date: top.date,
      pages: pages.length,
      lang,
    });
    reply.header('cache-control', 'no-store');
    if (pdf) {
      return new StreamableFile(pdf, {
        type: 'application/pdf',
        disposition: `attachment; filename="olievlek-rapport-${slug(top.unit.name)}-${top.date}.pdf"`,
      });
    }
    reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-security-policy', EXPORT_PAGE_CSP);
    return html;
  }
}
