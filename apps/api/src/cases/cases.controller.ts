import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import { CASES_TOTAL_HEADER } from '@olievlek/shared';
import type {
  AgreementDto,
  CaseDetailDto,
  CaseloadDto,
  CaseSummaryDto,
  IntakeDto,
  IntakeRevisionDto,
  ObservationDto,
  OpenCaseTeamDto,
  PersonRef,
} from '@olievlek/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AgreementsService } from '../agreements/agreements.service';
import { CreateAgreementDto } from '../agreements/dto/agreement.dto';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Roles } from '../auth/decorators';
import { CasesService } from './cases.service';
import {
  CaseListQueryDto,
  CloseCaseDto,
  ReopenCaseDto,
  IntakeDtoBody,
  ObservationBody,
  OpenCaseDto,
  ShareCaseDto,
} from './dto/case.dto';

/** Cases are the ambassadors' and admins' work. Directors and team members use other views. */
@ApiTags('cases')
@ApiCookieAuth()
@Roles('admin', 'ambassador')
@Controller('cases')
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly agreements: AgreementsService,
  ) {}

  /** Every case, or one page of them (a screen shows a page; the export takes all). */
  @Get()
  async list(
    @Query() query: CaseListQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CaseSummaryDto[]> {
    const all = await this.cases.list(query.status);
    reply.header(CASES_TOTAL_HEADER, String(all.length));
    if (query.limit === undefined) return all;
    const offset = query.offset ?? 0;
    return all.slice(offset, offset + query.limit);
  }

  @Get('caseload')
  @Roles('ambassador')
  caseload(@CurrentUser() user: AuthUser): Promise<CaseloadDto> {
    return this.cases.caseload(user);
  }

  /** Which teams have an open case, for the picker of a new case and the next-best cards. */
  @Get('open-teams')
  openTeams(): Promise<OpenCaseTeamDto[]> {
    return this.cases.openTeams();
  }

  /** Active ambassadors, to share a case with. Names only. */
  @Get('ambassadors')
  ambassadors(): Promise<PersonRef[]> {
    return this.cases.activeAmbassadors();
  }

  @Post()
  open(
    @Body() body: OpenCaseDto,
    @CurrentUser() user: AuthUser,
    @Req() req: FastifyRequest,
  ): Promise<CaseDetailDto> {
    return this.cases.open(user, body.teamId, req.ip);
  }

  @Get(':id')
  detail(
    @Param('id') id: string,
    @CurrentUser() user: AuthUser,
    @Req() req: FastifyRequest,
  ): Promise<CaseDetailDto> {
    return this.cases.detail(user, id, req.ip);
  }

  @Post(':id/close')
  @HttpCode(200)
  close(
    @Param('id') id: string,
    @Body() body: CloseCaseDto,
    @CurrentUser() user: AuthUser,
    @Req() req: FastifyRequest,
  ): Promise<CaseDetailDto> {
    return this.cases.close(user, id, body, req.ip);
  }

  @Post(':id/reopen')
  @HttpCode(200)
  reopen(
    @Param('id') id: string,
    @Body() body: ReopenCaseDto,
    @CurrentUser() user: AuthUser,
    @Req() req: FastifyRequest,
  ): Promise<CaseDetailDto> {
    return this.cases.reopen(user, id, body, req.ip);
  }

  @Post(':id/ambassadors')
  @HttpCode(200)
  share(
    @Param('id') id: string,
    @Body() body: ShareCaseDto,
    @CurrentUser() user: AuthUser,
    @Req() req: FastifyRequest,
  ): Promise<PersonRef[]> {
    return this.cases.addAmbassador(user, id, body.userId, req.ip);
  }

  @Delete(':id/ambassadors/:userId')
  @Roles('admin')
  unassign(
    @Param('id') id: string,
    @Param('userId') userId: string,
    @CurrentUser() user: AuthUser,
    @Req() req: FastifyRequest,
  ): Promise<PersonRef[]> {
    return this.cases.removeAmbassador(user, id, userId, req.ip);
  }

  @Put(':id/intake')
  saveIntake(
    @Param('id') id: string,
    @Body() body: IntakeDtoBody,
    @CurrentUser() user: AuthUser,
    @Req() req: FastifyRequest,
  ): Promise<IntakeDto> {
    return this.cases.saveIntake(user, id, body, req.ip);
  }

  @Get(':id/intake/revisions')
  intakeRevisions(
    @Param('id') id: string,
    @CurrentUser() user: AuthUser,
    @Req() req: FastifyRequest,
  ): Promise<IntakeRevisionDto[]> {
    return this.cases.intakeRevisions(user, id, req.ip);
  }

  @Post(':id/observations')
  addObservation(
    @Param('id') id: string,
    @Body() body: ObservationBody,
    @CurrentUser() user: AuthUser,
    @Req() req: FastifyRequest,
  ): Promise<ObservationDto> {
    return this.cases.addObservation(user, id, body, req.ip);
  }

  @Post(':id/agreements')
  addAgreement(
    @Param('id') id: string,
    @Body() body: CreateAgreementDto,
    @CurrentUser() user: AuthUser,
    @Req() req: FastifyRequest,
  ): Promise<AgreementDto> {
    return this.agreements.create(user, id, body, req.ip);
  }
}
