import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { OrgUnitsModule } from '../org-units/org-units.module';
import { MeasuresController } from './measures.controller';
import { MeasuresService } from './measures.service';

/** Whether a step helped: measures, their values and the effect (issue 16). */
@Module({
  imports: [CasesModule, OrgUnitsModule],
  controllers: [MeasuresController],
  providers: [MeasuresService],
})
export class MeasuresModule {}
