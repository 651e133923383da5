import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { MailAdminController, MailController } from './mail.controller';
import { MailContentService } from './mail-content.service';
import { MailJobsService } from './mail-jobs.service';
import { MailPreferencesService } from './mail-preferences.service';
import { MailSender } from './mail-sender.service';

/**
 * Reminders and digests by mail: preferences, one-click unsubscribe and the scheduled jobs.
 * The board and olievlek services are found at run time (mail-content.service.ts), so neither
 * module needs to be imported here. The one-click POST of a mail program is a form
 * (`List-Unsubscribe=One-Click`), which Nest's Fastify adapter already parses.
 */
@Module({
  imports: [CasesModule],
  controllers: [MailController, MailAdminController],
  providers: [MailSender, MailContentService, MailJobsService, MailPreferencesService],
})
export class MailModule {}
