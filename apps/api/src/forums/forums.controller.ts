import {
  Body,
  Controller,
  Delete,
  Get,
  Param,
  Patch,
  Post,
  Put,
  Req,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import type { ForumDto, ForumSummaryDto, HoudVolEntryDto, MeetingDto } from '@olievlek/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, Roles } from '../auth/decorators';
import {
  AddForumMemberBody,
  AttendanceBody,
  CreateForumBody,
  CreateMeetingBody,
  UpdateForumBody,
  UpdateMeetingBody,
} from './dto/forum.dto';
import { CalendarFile, ForumCalendarService } from './forum-calendar.service';
import { ForumsService } from './forums.service';
import { MeetingsService } from './meetings.service';

@ApiTags('forums')
@ApiCookieAuth()
@Roles('admin', 'ambassador', 'team')
@Controller()
export class ForumsController {
  constructor(
    private readonly forums: ForumsService,
    private readonly meetings: MeetingsService,
    private readonly calendar: ForumCalendarService,
  ) {}

  @Get('forums')
  list(@CurrentUser() user: AuthUser): Promise<ForumSummaryDto[]> {
    return this.forums.list(user);
  }

  @Post('forums')
  @Roles('admin', 'ambassador')
  create(
    @Body() body: CreateForumBody,
    @CurrentUser() user: AuthUser,
    @Req() req: FastifyRequest,
  ): Promise<ForumDto> {
    return this.forums.create(user, body, req.ip);
  }

  /** Forums that need a "houd vol": for hosts and ambassadors, never per person for directors. */
  @Get('forums/houd-vol')
  @Roles('admin', 'ambassador')
  houdVol(@CurrentUser() user: AuthUser): Promise<HoudVolEntryDto[]> {
    return this.forums.houdVol(user);
  }

  @Get('forums/:id')
  get(@Param('id') id: string, @CurrentUser() user: AuthUser): Promise<ForumDto> {
    return this.forums.get(user, id);
  }

  /** The forum's meetings as an iCalendar file; whoever may read the forum. */
  @Get('forums/:id/ics')
  async forumIcs(
    @Param('id') id: string,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    return icsFile(reply, await this.calendar.forum(user, id));
  }

  /** One meeting as an iCalendar file, to add it to Outlook or Google Calendar. */
  @Get('meetings/:id/ics')
  async meetingIcs(
    @Param('id') id: string,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    return icsFile(reply, await this.calendar.meeting(user, id));
  }

  @Patch('forums/:id')
  @Roles('admin', 'ambassador')
  update(
    @Param('id') id: string,
    @Body() body: UpdateForumBody,
    @CurrentUser() user: AuthUser,
    @Req() req: FastifyRequest,
  ): Promise<ForumDto> {
    return this.forums.update(user, id, body, req.ip);
  }

  @Post('forums/:id/members')
  @Roles('admin', 'ambassador')
  addMember(
    @Param('id') id: string,
    @Body() body: AddForumMemberBody,
    @CurrentUser() user: AuthUser,
    @Req() req: FastifyRequest,
  ): Promise<ForumDto> {
    return this.forums.addMember(user, id, body, req.ip);
  }

  @Delete('forums/:id/members/:teamId')
  @Roles('admin', 'ambassador')
  removeMember(
    @Param('id') id: string,
    @Param('teamId') teamId: string,
    @CurrentUser() user: AuthUser,
    @Req() req: FastifyRequest,
  ): Promise<ForumDto> {
    return this.forums.removeMember(user, id, teamId, req.ip);
  }

  @Post('forums/:id/meetings')
  @Roles('admin', 'ambassador')
  createMeeting(
    @Param('id') id: string,
    @Body() body: CreateMeetingBody,
    @CurrentUser() user: AuthUser,
    @Req() req: FastifyRequest,
  ): Promise<MeetingDto> {
    return this.meetings.create(user, id, body, req.ip);
  }

  @Patch('meetings/:id')
  @Roles('admin', 'ambassador')
  updateMeeting(
    @Param('id') id: string,
    @Body() body: UpdateMeetingBody,
    @CurrentUser() user: AuthUser,
    @Req() req: FastifyRequest,
  ): Promise<MeetingDto> {
    return this.meetings.update(user, id, body, req.ip);
  }

  @Put('meetings/:id/attendance/:teamId')
  setAttendance(
    @Param('id') id: string,
    @Param('teamId') teamId: string,
    @Body() body: AttendanceBody,
    @CurrentUser() user: AuthUser,
    @Req() req: FastifyRequest,
  ): Promise<MeetingDto> {
    return this.meetings.setAttendance(user, id, teamId, body, req.ip);
  }
}

function icsFile(reply: FastifyReply, file: CalendarFile): StreamableFile {
  // Minutes-free, but who meets when is the organisation's business: not for a shared cache.
  reply.header('cache-control', 'no-store');
  return new StreamableFile(Buffer.from(file.text, 'utf8'), {
    type: 'text/calendar; charset=utf-8',
    disposition: `attachment; filename="${file.fileName}"`,
  });
}
