import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { OlievlekModule } from '../olievlek/olievlek.module';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';
import { PdfRenderer } from './pdf-renderer';

/** Downloads of the figures (CSV, XLSX) and the printable director's report. */
@Module({
  imports: [CasesModule, OlievlekModule],
  controllers: [ExportsController],
  providers: [ExportsService, PdfRenderer],
})
export class ExportsModule {}
