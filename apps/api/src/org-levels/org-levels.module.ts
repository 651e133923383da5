import { Module } from '@nestjs/common';
import { OrgLevelsController } from './org-levels.controller';
import { OrgLevelsService } from './org-levels.service';

@Module({
  controllers: [OrgLevelsController],
  providers: [OrgLevelsService],
  exports: [OrgLevelsService],
})
export class OrgLevelsModule {}
