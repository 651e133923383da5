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
import { ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import type { BoardAgreementDto, BoardDto, PulseRoundResultDto } from '@olievlek/shared';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Origin, Roles } from '../auth/decorators';
import { badRequest } from '../common/api-exception';
import { BoardService } from './board.service';
import {
  CheckOffBody,
  OpenPulseBody,
  PulseAnswerBody,
  PulseQuestionBody,
  PulseQuestionPatch,
  ReflectionBody,
} from './dto/board.dto';

@ApiTags('board')
@ApiCookieAuth()
@Controller()
export class BoardController {
  constructor(private readonly board: BoardService) {}

  @Get('board')
  @Roles('team')
  get(@CurrentUser() user: AuthUser): Promise<BoardDto> {
    return this.board.board(user);
  }

  @Put('agreements/:id/check-offs/:period')
  @Roles('team')
  tick(
    @Param('id') id: string,
    @Param('period') period: string,
    @Body() body: CheckOffBody,
    @CurrentUser() user: AuthUser,
    @Origin() origin: string,
  ): Promise<BoardAgreementDto> {
    return this.board.tick(user, id, period, body, origin);
  }

  @Delete('agreements/:id/check-offs/:period')
  @Roles('team')
  untick(
    @Param('id') id: string,
    @Param('period') period: string,
    @CurrentUser() user: AuthUser,
    @Origin() origin: string,
  ): Promise<BoardAgreementDto> {
    return this.board.untick(user, id, period, origin);
  }

  @Put('agreements/:id/reflections/:period')
  @Roles('team')
  reflect(
    @Param('id') id: string,
    @Param('period') period: string,
    @Body() body: ReflectionBody,
    @CurrentUser() user: AuthUser,
    @Origin() origin: string,
  ): Promise<BoardAgreementDto> {
    return this.board.reflect(user, id, period, body.text, origin);
  }

  @Delete('agreements/:id/reflections/:period')
  @Roles('team')
  removeReflection(
    @Param('id') id: string,
    @Param('period') period: string,
    @CurrentUser() user: AuthUser,
    @Origin() origin: string,
  ): Promise<BoardAgreementDto> {
    return this.board.removeReflection(user, id, period, origin);
  }

  @Get('pulse-questions')
  @Roles('admin', 'ambassador')
  questions() {
    return this.board.questionList();
  }

  @Post('pulse-questions')
  @Roles('admin')
  addQuestion(
    @Body() body: PulseQuestionBody,
    @CurrentUser() user: AuthUser,
    @Origin() origin: string,
  ) {
    return this.board.addQuestion(user, body.text, origin);
  }

  @Patch('pulse-questions/:id')
  @Roles('admin')
  updateQuestion(
    @Param('id') id: string,
    @Body() body: PulseQuestionPatch,
    @CurrentUser() user: AuthUser,
    @Origin() origin: string,
  ) {
    return this.board.updateQuestion(user, id, body, origin);
  }

  @Get('pulse-rounds')
  results(
    @Query('teamId') teamId: string | undefined,
    @CurrentUser() user: AuthUser,
  ): Promise<PulseRoundResultDto[]> {
    if (!teamId)
      throw badRequest('VALIDATION_FAILED', 'teamId is required.', { teamId: 'required' });
    return this.board.results(user, teamId);
  }

  @Post('pulse-rounds')
  @Roles('ambassador', 'admin')
  open(
    @Body() body: OpenPulseBody,
    @CurrentUser() user: AuthUser,
    @Origin() origin: string,
  ): Promise<PulseRoundResultDto> {
    return this.board.openPulse(user, body.teamId, origin);
  }

  @Post('pulse-rounds/:id/close')
  @HttpCode(200)
  @Roles('ambassador', 'admin')
  close(
    @Param('id') id: string,
    @CurrentUser() user: AuthUser,
    @Origin() origin: string,
  ): Promise<PulseRoundResultDto> {
    return this.board.closePulse(user, id, origin);
  }

  @Post('pulse-rounds/:id/answers')
  @HttpCode(204)
  @Roles('team')
  answer(
    @Param('id') id: string,
    @Body() body: PulseAnswerBody,
    @CurrentUser() user: AuthUser,
    @Origin() origin: string,
  ): Promise<void> {
    return this.board.answer(user, id, body, origin);
  }
}
