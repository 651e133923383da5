import { Injectable } from '@angular/core';
import { Translation, TranslocoLoader } from '@jsverse/transloco';
import { from, Observable } from 'rxjs';

/**
 * Each language is its own chunk, loaded on first use: the start (app.config.ts) loads the
 * active one in parallel with asking who is signed in, so the first screen renders translated
 * and the initial bundle stays within its budget (issue 19).
 */
@Injectable({ providedIn: 'root' })
export class BundledTranslationLoader implements TranslocoLoader {
  getTranslation(lang: string): Observable<Translation> {
    if (lang === 'en') return from(import('../i18n/en').then((m) => m.en as Translation));
    return from(import('../i18n/nl').then((m) => m.nl as Translation));
  }
}
