import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { UnsubscribeDto } from '@olievlek/shared';
import { apiError } from '../core/api-error';
import { translateError } from '../core/error-text';
import { SiteFooter } from '../shell/site-footer';
import { LanguageSwitch } from '../shell/language-switch';
import { MailApi } from './mail-api.service';

type State = 'loading' | 'confirm' | 'done' | 'invalid' | 'error';

/**
 * The page behind the unsubscribe link of a mail: works without signing in. Opening it changes
 * nothing (mail scanners open links too); the button unsubscribes, and a second time is harmless.
 */
@Component({
  selector: 'ov-unsubscribe-page',
  imports: [TranslocoPipe, RouterLink, LanguageSwitch, SiteFooter],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .ov-unsubscribe__more {
      margin-block-start: 1.5rem;
    }
  `,
  template: `
    <header class="ov-header ov-header--plain">
      <div class="ov-header__inner">
        <span class="ov-brand">
          <span class="ov-brand__mark" aria-hidden="true"></span>
          <span class="ov-brand__name">{{ 'app.name' | transloco }}</span>
        </span>
        <ov-language-switch />
      </div>
    </header>
    <main id="main" class="ov-main ov-main--narrow">
      <div class="ov-card">
        <h1 class="utrecht-heading-1">{{ 'mail.unsubscribe.heading' | transloco }}</h1>
        <div aria-live="polite" class="ov-live">
          @switch (state()) {
            @case ('loading') {
              <p class="utrecht-paragraph" role="status">{{ 'app.loading' | transloco }}</p>
            }
            @case ('confirm') {
              <p class="utrecht-paragraph">
                {{
                  'mail.unsubscribe.question'
                    | transloco: { mail: ('mail.kinds.' + link()?.kind + '.name' | transloco) }
                }}
              </p>
              @if (link()?.subscribed === false) {
                <p class="utrecht-paragraph">{{ 'mail.unsubscribe.already' | transloco }}</p>
              }
              <button
                type="button"
                class="utrecht-button utrecht-button--primary-action"
                [disabled]="busy()"
                (click)="confirm()"
              >
                {{ 'mail.unsubscribe.confirm' | transloco }}
              </button>
            }
            @case ('done') {
              <div class="utrecht-alert utrecht-alert--ok" role="status">
                <p class="utrecht-paragraph">
                  {{
                    'mail.unsubscribe.done'
                      | transloco: { mail: ('mail.kinds.' + link()?.kind + '.name' | transloco) }
                  }}
                </p>
              </div>
            }
            @case ('invalid') {
              <div class="utrecht-alert utrecht-alert--error" role="alert">
                <p class="utrecht-paragraph">{{ 'mail.unsubscribe.invalid' | transloco }}</p>
              </div>
            }
            @case ('error') {
              <div class="utrecht-alert utrecht-alert--error" role="alert">
                <p class="utrecht-paragraph">{{ error() }}</p>
              </div>
            }
          }
        </div>
        <p class="utrecht-paragraph">
          <a class="utrecht-link" routerLink="/instellingen">{{
            'mail.unsubscribe.settings' | transloco
          }}</a>
        </p>
      </div>
    </main>
    <ov-site-footer />
  `,
})
export class UnsubscribePage {
  /** `?token=` from the link in the mail. */
  readonly token = input<string | undefined>();
  private readonly api = inject(MailApi);
  private readonly transloco = inject(TranslocoService);

  protected readonly state = signal<State>('loading');
  protected readonly link = signal<UnsubscribeDto | null>(null);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  constructor() {
    effect(() => {
      void this.load(this.token());
    });
  }

  private async load(token: string | undefined): Promise<void> {
    if (!token) {
      this.state.set('invalid');
      return;
    }
    try {
      this.link.set(await this.api.unsubscribeStatus(token));
      this.state.set('confirm');
    } catch (e) {
      this.fail(e);
    }
  }

  protected async confirm(): Promise<void> {
    const token = this.token();
    if (!token) return;
    this.busy.set(true);
    try {
      this.link.set(await this.api.unsubscribe(token));
      this.state.set('done');
    } catch (e) {
      this.fail(e);
    } finally {
      this.busy.set(false);
    }
  }

  private fail(e: unknown): void {
    const error = apiError(e);
    if (error.code === 'MAIL_TOKEN_INVALID' || error.code === 'VALIDATION_FAILED') {
      this.state.set('invalid');
    } else {
      this.error.set(translateError(this.transloco, error));
      this.state.set('error');
    }
  }
}
