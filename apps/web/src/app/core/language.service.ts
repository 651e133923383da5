import { DOCUMENT } from '@angular/common';
import { HttpClient } from '@angular/common/http';
import { inject, Injectable, signal } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import { API, Locale, MeResponse } from '@olievlek/shared';
import { firstValueFrom } from 'rxjs';
import { AuthService } from './auth.service';

const STORAGE_KEY = 'olievlek.language';

/** Dutch first, English as a switch; remembered in the browser and, when signed in, on the server. */
@Injectable({ providedIn: 'root' })
export class LanguageService {
  private readonly transloco = inject(TranslocoService);
  private readonly http = inject(HttpClient);
  private readonly auth = inject(AuthService);
  private readonly document = inject(DOCUMENT);

  readonly current = signal<Locale>('nl');

  init(): void {
    const stored = this.read();
    this.apply(stored ?? 'nl');
  }

  /** After sign-in the server's choice wins unless the browser has one. */
  adopt(me: MeResponse): void {
    if (!this.read() && me.locale !== this.current()) this.apply(me.locale);
  }

  async set(locale: Locale): Promise<void> {
    this.apply(locale);
    try {
      this.document.defaultView?.localStorage.setItem(STORAGE_KEY, locale);
    } catch {
      // Private browsing may refuse storage; the choice still holds for this page.
    }
    if (this.auth.signedIn()) {
      const me = await firstValueFrom(this.http.patch<MeResponse>(API.me, { locale })).catch(
        () => null,
      );
      if (me) this.auth.update(me);
    }
  }

  private apply(locale: Locale): void {
    this.current.set(locale);
    this.transloco.setActiveLang(locale);
    this.document.documentElement.lang = locale;
  }

  private read(): Locale | null {
    try {
      const value = this.document.defaultView?.localStorage.getItem(STORAGE_KEY);
      return value === 'nl' || value === 'en' ? value : null;
    } catch {
      return null;
    }
  }
}
