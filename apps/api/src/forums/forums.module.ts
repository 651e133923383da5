import { Module } from '@nestjs/common';
import { ForumReader } from './forum-reader';
import { ForumsController } from './forums.controller';
import { ForumsService } from './forums.service';
import { MeetingsService } from './meetings.service';

@Module({
  controllers: [ForumsController],
  providers: [ForumsService, MeetingsService, ForumReader],
})
export class ForumsModule {}
