import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { OrgUnitsModule } from '../org-units/org-units.module';
import { BoardController } from './board.controller';
import { BoardService } from './board.service';

@Module({
  imports: [CasesModule, OrgUnitsModule],
  controllers: [BoardController],
  providers: [BoardService],
})
export class BoardModule {}
