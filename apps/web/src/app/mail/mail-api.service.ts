import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  MAIL_ROUTES,
  MailKindPreferenceDto,
  MailPreferencesDto,
  UnsubscribeDto,
} from '@olievlek/shared';
import { firstValueFrom } from 'rxjs';

/** The mail endpoints: one's own mail choices, and the one-click unsubscribe of a mail. */
@Injectable({ providedIn: 'root' })
export class MailApi {
  private readonly http = inject(HttpClient);

  preferences(): Promise<MailPreferencesDto> {
    return firstValueFrom(this.http.get<MailPreferencesDto>(MAIL_ROUTES.preferences));
  }

  save(kinds: MailKindPreferenceDto[]): Promise<MailPreferencesDto> {
    return firstValueFrom(this.http.put<MailPreferencesDto>(MAIL_ROUTES.preferences, { kinds }));
  }

  /** What an unsubscribe link stands for; changes nothing. */
  unsubscribeStatus(token: string): Promise<UnsubscribeDto> {
    return firstValueFrom(this.http.get<UnsubscribeDto>(MAIL_ROUTES.unsubscribe(token)));
  }

  unsubscribe(token: string): Promise<UnsubscribeDto> {
    return firstValueFrom(this.http.post<UnsubscribeDto>(MAIL_ROUTES.unsubscribe(token), {}));
  }
}
