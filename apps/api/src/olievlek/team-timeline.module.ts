import { Global, Module } from '@nestjs/common';
import { TeamTimelineService } from './team-timeline.service';

/**
 * The team timelines (ADR 0006), global: every service that writes a fact a stage depends on
 * (cases, agreements, check-offs, spread links) refreshes the teams it touched.
 */
@Global()
@Module({ providers: [TeamTimelineService], exports: [TeamTimelineService] })
export class TeamTimelineModule {}
