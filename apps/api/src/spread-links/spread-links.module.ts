import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { SpreadLinksController } from './spread-links.controller';
import { SpreadLinksService } from './spread-links.service';

@Module({
  imports: [CasesModule],
  controllers: [SpreadLinksController],
  providers: [SpreadLinksService],
})
export class SpreadLinksModule {}
