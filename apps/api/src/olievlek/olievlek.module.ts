import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { OlievlekFactsService } from './olievlek-facts.service';
import { OlievlekInsightsService } from './olievlek-insights.service';
import { OlievlekSnapshotsService } from './olievlek-snapshots.service';
import { OlievlekTrendsService } from './olievlek-trends.service';
import { OlievlekViewService } from './olievlek-view.service';
import { OlievlekController } from './olievlek.controller';
import { TeamHistoryService } from './team-history.service';

/** The olievlek view: read-only figures over the whole programme, at any date. */
@Module({
  imports: [CasesModule],
  controllers: [OlievlekController],
  providers: [
    OlievlekFactsService,
    OlievlekSnapshotsService,
    OlievlekViewService,
    OlievlekTrendsService,
    OlievlekInsightsService,
    TeamHistoryService,
  ],
  // The downloads (exports/) use the view's own figures and scope check.
  exports: [OlievlekViewService, OlievlekTrendsService],
})
export class OlievlekModule {}
