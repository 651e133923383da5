import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCookieAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { MeasureDto } from '@olievlek/shared';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Origin, Roles } from '../auth/decorators';
import {
  CreateMeasureBody,
  PutMeasureValueBody,
  RemoveMeasureValueQuery,
  UpdateMeasureBody,
} from './dto/measure.dto';
import { MeasuresService } from './measures.service';

/** Measures of a step, their values, baseline and effect (docs/design.md Measure). */
@ApiTags('measures')
@ApiCookieAuth()
@Controller()
export class MeasuresController {
  constructor(private readonly measures: MeasuresService) {}

  @Get('agreements/:id/measures')
  @Roles('admin', 'ambassador', 'team', 'director')
  @ApiOperation({
    summary:
      "A step's measures with their values, baseline and effect today: admins, ambassadors, the team and its partner team, directors whose scope holds the team.",
  })
  @ApiForbiddenResponse({ description: 'FORBIDDEN_SCOPE' })
  @ApiNotFoundResponse({ description: 'AGREEMENT_NOT_FOUND' })
  list(@Param('id') id: string, @CurrentUser() user: AuthUser): Promise<MeasureDto[]> {
    return this.measures.list(user, id);
  }

  @Post('agreements/:id/measures')
  @Roles('admin', 'ambassador')
  @ApiOperation({ summary: "Add a measure to a step: the case's ambassadors and admins." })
  @ApiForbiddenResponse({ description: 'CASE_NOT_ASSIGNED' })
  @ApiConflictResponse({ description: 'CASE_CLOSED' })
  create(
    @Param('id') id: string,
    @Body() body: CreateMeasureBody,
    @CurrentUser() user: AuthUser,
    @Origin() origin: string,
  ): Promise<MeasureDto> {
    return this.measures.create(user, id, body, origin);
  }

  @Patch('measures/:id')
  @Roles('admin', 'ambassador')
  @ApiOperation({ summary: 'Change a measure; a stale version gets 409 with what is saved.' })
  @ApiConflictResponse({ description: 'MEASURE_VERSION_CONFLICT, MEASURE_CADENCE_LOCKED' })
  update(
    @Param('id') id: string,
    @Body() body: UpdateMeasureBody,
    @CurrentUser() user: AuthUser,
    @Origin() origin: string,
  ): Promise<MeasureDto> {
    return this.measures.update(user, id, body, origin);
  }

  @Put('measures/:id/values/:date')
  @Roles('admin', 'ambassador', 'team')
  @ApiOperation({
    summary:
      'Enter or change the value of the period starting on :date; give the version when changing one.',
  })
  @ApiConflictResponse({ description: 'MEASURE_VALUE_VERSION_CONFLICT (with `current`)' })
  putValue(
    @Param('id') id: string,
    @Param('date') date: string,
    @Body() body: PutMeasureValueBody,
    @CurrentUser() user: AuthUser,
    @Origin() origin: string,
  ): Promise<MeasureDto> {
    return this.measures.putValue(user, id, date, body, origin);
  }

  @Delete('measures/:id/values/:date')
  @HttpCode(200)
  @Roles('admin', 'ambassador', 'team')
  @ApiOperation({ summary: 'Remove the value of a period (with its version).' })
  @ApiNotFoundResponse({ description: 'MEASURE_VALUE_NOT_FOUND' })
  removeValue(
    @Param('id') id: string,
    @Param('date') date: string,
    @Query() query: RemoveMeasureValueQuery,
    @CurrentUser() user: AuthUser,
    @Origin() origin: string,
  ): Promise<MeasureDto> {
    return this.measures.removeValue(user, id, date, query.version, origin);
  }
}
