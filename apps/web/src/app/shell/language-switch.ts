import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Locale } from '@olievlek/shared';
import { LanguageService } from '../core/language.service';

/** Two buttons, the current one pressed: clear for keyboard and screen-reader users alike. */
@Component({
  selector: 'ov-language-switch',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="ov-language" role="group" [attr.aria-label]="'app.language' | transloco">
      @for (option of options; track option.locale) {
        <button
          type="button"
          class="ov-language__option"
          [attr.lang]="option.locale"
          [attr.aria-pressed]="language.current() === option.locale"
          (click)="choose(option.locale)"
        >
          {{ option.label }}
        </button>
      }
    </div>
  `,
})
export class LanguageSwitch {
  protected readonly language = inject(LanguageService);
  protected readonly options: Array<{ locale: Locale; label: string }> = [
    { locale: 'nl', label: 'Nederlands' },
    { locale: 'en', label: 'English' },
  ];

  protected choose(locale: Locale): void {
    void this.language.set(locale);
  }
}
