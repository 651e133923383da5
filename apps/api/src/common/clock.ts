import { Inject, Injectable } from '@nestjs/common';
import { LocalDate, localDateIn } from '@olievlek/domain';
import { APP_CONFIG, AppConfig } from '../config/config';

/**
 * The organisation's clock: "now" and "today" in `ORG_TIMEZONE`, in one place. Services ask this
 * clock rather than `new Date()`, so a test can move time by replacing `now` on the instance
 * (`app.get(OrgClock)`).
 */
@Injectable()
export class OrgClock {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  now(): Date {
    return new Date();
  }

  /** The calendar day it is now in the organisation's time zone. */
  today(): LocalDate {
    return localDateIn(this.now(), this.config.orgTimezone);
  }

  get timeZone(): string {
    return this.config.orgTimezone;
  }
}
