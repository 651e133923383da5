import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { AnonymiseService } from './anonymise.service';
import { DataExportService } from './data-export.service';
import { PrivacyController, RetentionController } from './privacy.controller';
import { RetentionService } from './retention.service';

/** AVG: data export (access), anonymisation (erasure) and the retention job for private notes. */
@Module({
  imports: [CasesModule],
  controllers: [PrivacyController, RetentionController],
  providers: [DataExportService, AnonymiseService, RetentionService],
  exports: [RetentionService],
})
export class PrivacyModule {}
