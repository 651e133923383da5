import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { Locale, MailKind, MailPreferencesDto } from '@olievlek/shared';
import { apiError } from '../core/api-error';
import { translateError } from '../core/error-text';
import { LanguageService } from '../core/language.service';
import { Feedback } from '../shell/feedback';
import { saveState } from '../shell/save-state';
import { MailApi } from './mail-api.service';

/** "Mijn e-mail": which of the mails of one's roles to get, and in which language. */
@Component({
  selector: 'ov-mail-settings-page',
  imports: [TranslocoPipe, Feedback],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1 class="utrecht-heading-1">{{ 'mail.settings.heading' | transloco }}</h1>
    <p class="utrecht-paragraph">{{ 'mail.settings.intro' | transloco }}</p>
    <ov-feedback [error]="loadError()" />

    @if (prefs(); as p) {
      @if (!p.mailEnabled) {
        <div class="utrecht-alert" role="note">
          <p class="utrecht-paragraph">{{ 'mail.settings.off' | transloco }}</p>
        </div>
      }
      <form class="ov-form" (submit)="submit($event)">
        <fieldset class="utrecht-form-fieldset">
          <legend class="utrecht-form-fieldset__legend">
            {{ 'mail.settings.kindsLegend' | transloco }}
          </legend>
          @if (p.kinds.length === 0) {
            <p class="utrecht-paragraph">{{ 'mail.settings.none' | transloco }}</p>
          }
          @for (k of p.kinds; track k.kind) {
            <div class="utrecht-form-field utrecht-form-field--checkbox">
              <input
                type="checkbox"
                class="utrecht-checkbox utrecht-checkbox--html-input"
                [id]="'mail-' + k.kind"
                [checked]="chosen()[k.kind]"
                [attr.aria-describedby]="'mail-' + k.kind + '-hint'"
                (change)="toggle(k.kind, $any($event.target).checked)"
              />
              <label
                class="utrecht-form-label utrecht-form-label--checkbox"
                [for]="'mail-' + k.kind"
              >
                {{ 'mail.kinds.' + k.kind + '.name' | transloco }}
              </label>
              <p class="utrecht-form-field-description" [id]="'mail-' + k.kind + '-hint'">
                {{ 'mail.kinds.' + k.kind + '.when' | transloco }}
              </p>
            </div>
          }
        </fieldset>

        <fieldset class="utrecht-form-fieldset">
          <legend class="utrecht-form-fieldset__legend">
            {{ 'mail.settings.languageLegend' | transloco }}
          </legend>
          @for (option of languages; track option.locale) {
            <div class="utrecht-form-field utrecht-form-field--radio">
              <input
                type="radio"
                name="mail-language"
                class="utrecht-radio-button utrecht-radio-button--html-input"
                [id]="'mail-lang-' + option.locale"
                [checked]="language.current() === option.locale"
                (change)="chooseLanguage(option.locale)"
              />
              <label
                class="utrecht-form-label utrecht-form-label--radio"
                [for]="'mail-lang-' + option.locale"
                [attr.lang]="option.locale"
                >{{ option.label }}</label
              >
            </div>
          }
          <p class="utrecht-form-field-description">
            {{ 'mail.settings.languageHint' | transloco }}
          </p>
        </fieldset>

        <ov-feedback [state]="save" at="mail-settings" (reload)="reload()" />
        <button
          type="submit"
          class="utrecht-button utrecht-button--primary-action"
          [disabled]="save.busy()"
        >
          {{ (save.busy() ? 'mail.settings.saving' : 'mail.settings.save') | transloco }}
        </button>
      </form>
    } @else if (!loadError()) {
      <p class="utrecht-paragraph" role="status">{{ 'app.loading' | transloco }}</p>
    }
  `,
})
export class MailSettingsPage {
  private readonly api = inject(MailApi);
  private readonly transloco = inject(TranslocoService);
  protected readonly language = inject(LanguageService);

  protected readonly prefs = signal<MailPreferencesDto | null>(null);
  protected readonly chosen = signal<Partial<Record<MailKind, boolean>>>({});
  /** The answer to a save, beside the save button. */
  protected readonly save = saveState();
  protected readonly loadError = signal<string | null>(null);
  protected readonly languages: Array<{ locale: Locale; label: string }> = [
    { locale: 'nl', label: 'Nederlands' },
    { locale: 'en', label: 'English' },
  ];

  constructor() {
    void this.reload();
  }

  protected async reload(): Promise<void> {
    this.loadError.set(null);
    try {
      this.show(await this.api.preferences());
    } catch (e) {
      this.loadError.set(translateError(this.transloco, apiError(e)));
    }
  }

  private show(prefs: MailPreferencesDto): void {
    this.prefs.set(prefs);
    this.chosen.set(Object.fromEntries(prefs.kinds.map((k) => [k.kind, k.enabled])));
  }

  protected toggle(kind: MailKind, enabled: boolean): void {
    this.chosen.update((c) => ({ ...c, [kind]: enabled }));
  }

  /** The language is the person's language everywhere: the screen changes with it at once. */
  protected chooseLanguage(locale: Locale): void {
    void this.language.set(locale);
  }

  protected async submit(event: Event): Promise<void> {
    event.preventDefault();
    const prefs = this.prefs();
    if (!prefs) return;
    const saved = await this.save.run(
      'mail-settings',
      () =>
        this.api.save(
          prefs.kinds.map((k) => ({ kind: k.kind, enabled: this.chosen()[k.kind] ?? k.enabled })),
        ),
      () => this.transloco.translate('mail.settings.saved'),
    );
    if (saved) this.show(saved);
  }
}
