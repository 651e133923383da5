import { Module } from '@nestjs/common';
import { AgreementsController } from '../agreements/agreements.controller';
import { AgreementsService } from '../agreements/agreements.service';
import { CaseAccess } from './case-access';
import { CaseSummariesService } from './case-summaries.service';
import { CaseViewService } from './case-view.service';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';

/** Cases and their agreements live together: an agreement is always part of a case. */
@Module({
  controllers: [CasesController, AgreementsController],
  providers: [CasesService, CaseAccess, CaseViewService, CaseSummariesService, AgreementsService],
  exports: [CaseAccess, CaseViewService, CaseSummariesService, AgreementsService],
})
export class CasesModule {}
