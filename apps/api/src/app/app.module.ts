import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DataSourceOptions } from 'typeorm';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { BoardModule } from '../board/board.module';
import { CasesModule } from '../cases/cases.module';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { CsrfGuard } from '../auth/csrf';
import { ServerSecret } from '../auth/server-secret';
import { SessionGuard } from '../auth/session.guard';
import { OrgClock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/config';
import { dataSourceOptions } from '../database/data-source-options';
import { openDataSource } from '../database/instance-locks';
import { SqliteTransactionQueue } from '../database/sqlite-transactions';
import { HealthController } from '../health/health.controller';
import { ExportsModule } from '../exports/exports.module';
import { ForumsModule } from '../forums/forums.module';
import { MeasuresModule } from '../measures/measures.module';
import { ImportsModule } from '../imports/imports.module';
import { MailModule } from '../mail/mail.module';
import { OlievlekModule } from '../olievlek/olievlek.module';
import { TeamTimelineModule } from '../olievlek/team-timeline.module';
import { OrgLevelsModule } from '../org-levels/org-levels.module';
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
        TypeOrmModule.forRootAsync({
          useFactory: () => ({
            ...dataSourceOptions(config.database),
            migrationsRun: false,
            retryAttempts: 0,
          }),
          // Migrations under a database-wide lock: instances that start together take turns.
          dataSourceFactory: (options) => openDataSource(options as DataSourceOptions),
        }),
        AuditModule,
        AuthModule,
        OrgUnitsModule,
        OrgLevelsModule,
        UsersModule,
        CatalogueModule,
        CasesModule,
        BoardModule,
        SpreadLinksModule,
        TeamTimelineModule,
        OlievlekModule,
        // Timers for the daily jobs (the retention purge); stopped when the app closes.
        ScheduleModule.forRoot(),
        PrivacyModule,
        ImportsModule,
        ExportsModule,
        MailModule,
        ForumsModule,
        MeasuresModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        ServerSecret,
        SqliteTransactionQueue,
        OrgClock,
        // Order matters: CSRF first (login included), then the session and role check.
        { provide: APP_GUARD, useExisting: CsrfGuard },
        { provide: APP_GUARD, useExisting: SessionGuard },
      ],
      exports: [APP_CONFIG, ServerSecret, OrgClock],
    };
  }
}
