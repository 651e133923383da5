import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { BoardModule } from '../board/board.module';
import { CasesModule } from '../cases/cases.module';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { CsrfGuard } from '../auth/csrf';
import { SessionGuard } from '../auth/session.guard';
import { APP_CONFIG, AppConfig } from '../config/config';
import { dataSourceOptions } from '../database/data-source-options';
import { SqliteTransactionQueue } from '../database/sqlite-transactions';
import { HealthController } from '../health/health.controller';
import { OlievlekModule } from '../olievlek/olievlek.module';
import { OrgUnitsModule } from '../org-units/org-units.module';
import { PrivacyModule } from '../privacy/privacy.module';
import { SpreadLinksModule } from '../spread-links/spread-links.module';
import { UsersModule } from '../users/users.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        // No retries: a database that is down or a migration that fails stops the start at once.
        TypeOrmModule.forRoot({ ...dataSourceOptions(config.database), retryAttempts: 0 }),
        AuditModule,
        AuthModule,
        OrgUnitsModule,
        UsersModule,
        CatalogueModule,
        CasesModule,
        BoardModule,
        SpreadLinksModule,
        OlievlekModule,
        // Timers for the daily jobs (the retention purge); stopped when the app closes.
        ScheduleModule.forRoot(),
        PrivacyModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        SqliteTransactionQueue,
        // Order matters: CSRF first (login included), then the session and role check.
        { provide: APP_GUARD, useExisting: CsrfGuard },
        { provide: APP_GUARD, useExisting: SessionGuard },
      ],
      exports: [APP_CONFIG],
    };
  }
}
