import { Controller, HttpCode, HttpStatus, Post, Query, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCookieAuth,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { ImportPreviewDto, ImportResultDto } from '@olievlek/shared';
import type { FastifyRequest } from 'fastify';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Origin, Roles } from '../auth/decorators';
import { ApiException } from '../common/api-exception';
import { ConfirmImportQueryDto } from './dto/import.dto';
import { IMPORT_CONTENT_TYPES } from './import-upload';
import { ImportsService } from './imports.service';

const FILE_BODY = {
  description: 'The CSV or XLSX file itself as the body (not multipart).',
  schema: { type: 'string', format: 'binary' },
};

function fileOf(req: FastifyRequest): Buffer {
  if (!Buffer.isBuffer(req.body)) {
    throw new ApiException(
      HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      'UNSUPPORTED_MEDIA_TYPE',
      'Send the CSV or XLSX file itself as the request body, with Content-Type: application/octet-stream.',
    );
  }
  return req.body;
}

/** Import of the organisation structure or of users from HR's CSV or XLSX: admins only. */
@ApiTags('imports')
@ApiCookieAuth()
@Roles('admin')
@Controller('imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Post('preview')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'What the file would create, change and archive, with line-numbered errors. Writes nothing.',
  })
  @ApiConsumes(...IMPORT_CONTENT_TYPES)
  @ApiBody(FILE_BODY)
  @ApiOkResponse({ description: 'ImportPreviewDto' })
  @ApiPayloadTooLargeResponse({ description: 'IMPORT_FILE_TOO_LARGE' })
  preview(@Req() req: FastifyRequest, @CurrentUser() user: AuthUser): Promise<ImportPreviewDto> {
    return this.imports.preview(fileOf(req), user);
  }

  @Post('confirm')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Applies the preview of the same file in one transaction; archives only in mode=archive with archiveCount; 409 when anything changed since or the file has errors.',
  })
  @ApiConsumes(...IMPORT_CONTENT_TYPES)
  @ApiBody(FILE_BODY)
  @ApiOkResponse({ description: 'ImportResultDto' })
  @ApiConflictResponse({ description: 'IMPORT_PREVIEW_STALE, IMPORT_HAS_ERRORS' })
  @ApiBadRequestResponse({ description: 'IMPORT_ARCHIVE_NOT_CONFIRMED' })
  confirm(
    @Query() query: ConfirmImportQueryDto,
    @Req() req: FastifyRequest,
    @CurrentUser() user: AuthUser,
    @Origin() origin: string,
  ): Promise<ImportResultDto> {
    return this.imports.confirm(
      fileOf(req),
      query.previewId,
      user,
      origin,
      query.mode,
      query.archiveCount,
    );
  }
}
