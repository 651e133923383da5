import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiCookieAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { NEXT_BEST_DEFAULT, NEXT_BEST_MAX, SPREAD_LINKS_DEFAULT } from '@olievlek/shared';
import type {
  AdoptionDto,
  NextBestTeamsDto,
  OlievlekViewDto,
  PracticeEvidenceDto,
  SpreadGraphDto,
  TeamHistoryDto,
} from '@olievlek/shared';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Roles } from '../auth/decorators';
import {
  AdoptionQueryDto,
  NextBestQueryDto,
  OlievlekViewQueryDto,
  SpreadQueryDto,
} from './dto/olievlek-query.dto';
import { OlievlekInsightsService } from './olievlek-insights.service';
import { OlievlekTrendsService } from './olievlek-trends.service';
import { OlievlekViewService } from './olievlek-view.service';
import { TeamHistoryService } from './team-history.service';

/**
 * The olievlek view (docs/design.md): admins and ambassadors see the whole organisation, directors
 * their scope's subtree (a unit outside it is a 403 FORBIDDEN_SCOPE). Team members use the board.
 */
@ApiTags('olievlek')
@ApiCookieAuth()
@Controller('olievlek')
export class OlievlekController {
  constructor(
    private readonly view: OlievlekViewService,
    private readonly trends: OlievlekTrendsService,
    private readonly insights: OlievlekInsightsService,
    private readonly teams: TeamHistoryService,
  ) {}

  @Get()
  @Roles('admin', 'ambassador', 'director')
  @ApiOperation({
    summary: "The map and key figures of a unit's subtree at a date (default: your scope, today).",
  })
  @ApiOkResponse({ description: 'OlievlekViewDto' })
  @ApiForbiddenResponse({ description: 'FORBIDDEN_SCOPE: the unit lies outside your scope.' })
  get(
    @Query() query: OlievlekViewQueryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<OlievlekViewDto> {
    return this.view.view(user, query);
  }

  @Get('adoption')
  @Roles('admin', 'ambassador', 'director')
  @ApiOperation({ summary: 'Adoption month by month (the S-curve), with run-chart signals.' })
  @ApiOkResponse({ description: 'AdoptionDto' })
  adoption(@Query() query: AdoptionQueryDto, @CurrentUser() user: AuthUser): Promise<AdoptionDto> {
    return this.trends.adoption(user, query);
  }

  @Get('spread')
  @Roles('admin', 'ambassador', 'director')
  @ApiOperation({ summary: 'The spread links inside or touching a subtree at a date, as a graph.' })
  @ApiOkResponse({
    description: `SpreadGraphDto: the latest \`limit\` links (default ${SPREAD_LINKS_DEFAULT}) of \`linkCount\`; notes only for admins and ambassadors.`,
  })
  spread(@Query() query: SpreadQueryDto, @CurrentUser() user: AuthUser): Promise<SpreadGraphDto> {
    return this.view.spread(user, query);
  }

  @Get('teams/:teamId')
  @Roles('admin', 'ambassador', 'director')
  @ApiOperation({
    summary:
      'One team of your scope: its stage history and its steps with their rhythm (no notes, no names; for directors the rhythm only for teams of at least k members).',
  })
  @ApiOkResponse({ description: 'TeamHistoryDto' })
  @ApiForbiddenResponse({ description: 'FORBIDDEN_SCOPE: the team lies outside your scope.' })
  @ApiNotFoundResponse({ description: 'ORG_UNIT_NOT_FOUND: no such team.' })
  team(@Param('teamId') teamId: string, @CurrentUser() user: AuthUser): Promise<TeamHistoryDto> {
    return this.teams.team(user, teamId);
  }

  @Get('next-best-teams')
  @Roles('admin', 'ambassador')
  @ApiOperation({
    summary: 'Unreached teams that see practising teams from two or more sides, most first.',
  })
  @ApiOkResponse({
    description: `NextBestTeamsDto: the first \`limit\` (default ${NEXT_BEST_DEFAULT}, at most ${NEXT_BEST_MAX}) of \`total\`.`,
  })
  nextBest(
    @Query() query: NextBestQueryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<NextBestTeamsDto> {
    return this.insights.nextBest(user, query);
  }

  @Get('practice-evidence')
  @Roles('admin', 'ambassador', 'director', 'team')
  @ApiOperation({
    summary:
      'Per practice: teams that tried it, the share that reached routine, median weeks to get there, the share dropped.',
  })
  @ApiOkResponse({ description: "PracticeEvidenceDto[]; directors: their scope's teams only." })
  practiceEvidence(@CurrentUser() user: AuthUser): Promise<PracticeEvidenceDto[]> {
    return this.insights.practiceEvidence(user);
  }
}
