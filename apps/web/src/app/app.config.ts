import { provideHttpClient, withInterceptors, withXsrfConfiguration } from '@angular/common/http';
import {
  ApplicationConfig,
  inject,
  isDevMode,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { provideRouter, TitleStrategy, withComponentInputBinding } from '@angular/router';
import { provideTransloco, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { CSRF_COOKIE, CSRF_HEADER } from '@olievlek/shared';
import { routes } from './app.routes';
import { AuthService } from './core/auth.service';
import { sessionExpiredInterceptor } from './core/session-expired.interceptor';
import { LanguageService } from './core/language.service';
import { TranslatedTitleStrategy } from './core/title.strategy';
import { BundledTranslationLoader } from './core/transloco-loader';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideRouter(routes, withComponentInputBinding()),
    provideHttpClient(
      withXsrfConfiguration({ cookieName: CSRF_COOKIE, headerName: CSRF_HEADER }),
      withInterceptors([sessionExpiredInterceptor]),
    ),
    provideTransloco({
      config: {
        availableLangs: ['nl', 'en'],
        defaultLang: 'nl',
        fallbackLang: 'nl',
        reRenderOnLangChange: true,
        prodMode: !isDevMode(),
      },
      loader: BundledTranslationLoader,
    }),
    { provide: TitleStrategy, useClass: TranslatedTitleStrategy },
    provideAppInitializer(() => {
      const language = inject(LanguageService);
      const auth = inject(AuthService);
      const transloco = inject(TranslocoService);
      language.init();
      // Learn who is signed in (and receive the CSRF cookie) before the first route renders,
      // and meanwhile load the texts of the language in use (a chunk of its own).
      const texts = firstValueFrom(transloco.load(transloco.getActiveLang()));
      return Promise.all([
        auth.ensureLoaded().then(async (me) => {
          if (me) language.adopt(me);
          await firstValueFrom(transloco.load(transloco.getActiveLang()));
        }),
        texts,
      ]).then(() => undefined);
    }),
  ],
};
