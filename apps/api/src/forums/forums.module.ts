import { Module } from '@nestjs/common';
import { ForumCalendarService } from './forum-calendar.service';
import { ForumReader } from './forum-reader';
import { ForumsController } from './forums.controller';
import { ForumsService } from './forums.service';
import { MeetingsService } from './meetings.service';

@Module({
  controllers: [ForumsController],
  providers: [ForumsService, MeetingsService, ForumReader, ForumCalendarService],
})
export class ForumsModule {}
