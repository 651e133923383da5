import { Injectable } from '@angular/core';
import { Translation, TranslocoLoader } from '@jsverse/transloco';
import { from, Observable, of } from 'rxjs';
import { nl } from '../i18n/nl';

/** Dutch ships with the app; English loads on first use. */
@Injectable({ providedIn: 'root' })
export class BundledTranslationLoader implements TranslocoLoader {
  getTranslation(lang: string): Observable<Translation> {
    if (lang === 'en') return from(import('../i18n/en').then((m) => m.en as Translation));
    return of(nl as Translation);
  }
}
