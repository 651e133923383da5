import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { apiError } from '../core/api-error';
import { AuthService } from '../core/auth.service';
import { LanguageService } from '../core/language.service';
import { LanguageSwitch } from '../shell/language-switch';

@Component({
  selector: 'ov-login-page',
  imports: [ReactiveFormsModule, TranslocoPipe, LanguageSwitch],
  changeDetection: ChangeDetectionStrategy.OnPush,
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
        <h1 class="utrecht-heading-1">{{ 'login.heading' | transloco }}</h1>
        <p class="utrecht-paragraph">{{ 'login.intro' | transloco }}</p>
        @if (verlopen() && !error()) {
          <div class="utrecht-alert utrecht-alert--info" role="status">
            <p class="utrecht-paragraph">{{ 'login.expired' | transloco }}</p>
          </div>
        }
        @if (error(); as message) {
          <div class="utrecht-alert utrecht-alert--error" role="alert">
            <p class="utrecht-paragraph">{{ message | transloco }}</p>
          </div>
        }
        <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
          <div
            class="utrecht-form-field utrecht-form-field--text"
            [class.utrecht-form-field--invalid]="showInvalid('email')"
          >
            <div class="utrecht-form-field__label">
              <label class="utrecht-form-label" for="login-email">{{
                'login.email' | transloco
              }}</label>
            </div>
            @if (showInvalid('email')) {
              <p class="utrecht-form-field-error-message" id="login-email-error">
                {{
                  'login.required' | transloco: { field: ('login.email' | transloco).toLowerCase() }
                }}
              </p>
            }
            <div class="utrecht-form-field__input">
              <input
                id="login-email"
                class="utrecht-textbox utrecht-textbox--html-input"
                type="email"
                autocomplete="username"
                formControlName="email"
                [attr.aria-invalid]="showInvalid('email')"
                [attr.aria-describedby]="showInvalid('email') ? 'login-email-error' : null"
              />
            </div>
          </div>
          <div
            class="utrecht-form-field utrecht-form-field--text"
            [class.utrecht-form-field--invalid]="showInvalid('password')"
          >
            <div class="utrecht-form-field__label">
              <label class="utrecht-form-label" for="login-password">{{
                'login.password' | transloco
              }}</label>
            </div>
            @if (showInvalid('password')) {
              <p class="utrecht-form-field-error-message" id="login-password-error">
                {{
                  'login.required'
                    | transloco: { field: ('login.password' | transloco).toLowerCase() }
                }}
              </p>
            }
            <div class="utrecht-form-field__input">
              <input
                id="login-password"
                class="utrecht-textbox utrecht-textbox--html-input"
                type="password"
                autocomplete="current-password"
                formControlName="password"
                [attr.aria-invalid]="showInvalid('password')"
                [attr.aria-describedby]="showInvalid('password') ? 'login-password-error' : null"
              />
            </div>
          </div>
          <button
            type="submit"
            class="utrecht-button utrecht-button--primary-action"
            [disabled]="busy()"
            [attr.aria-busy]="busy()"
          >
            {{ (busy() ? 'login.busy' : 'login.submit') | transloco }}
          </button>
        </form>
      </div>
      <p class="ov-tagline">{{ 'app.tagline' | transloco }}</p>
    </main>
  `,
})
export class LoginPage {
  private readonly auth = inject(AuthService);
  private readonly language = inject(LanguageService);
  private readonly router = inject(Router);
  private readonly fb = inject(NonNullableFormBuilder);

  /** `?verlopen=1` after a session ended elsewhere. */
  readonly verlopen = input<string | undefined>();

  protected readonly form = this.fb.group({
    email: ['', [Validators.required]],
    password: ['', [Validators.required]],
  });
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  private readonly submitted = signal(false);

  protected showInvalid(name: 'email' | 'password'): boolean {
    return this.submitted() && this.form.controls[name].invalid;
  }

  protected async submit(): Promise<void> {
    this.submitted.set(true);
    this.error.set(null);
    if (this.form.invalid) return;
    this.busy.set(true);
    try {
      const me = await this.auth.login(this.form.getRawValue());
      this.language.adopt(me);
      await this.router.navigateByUrl('/');
    } catch (e) {
      const error = apiError(e);
      this.error.set(
        error.code === 'INVALID_CREDENTIALS'
          ? 'login.invalid'
          : error.code === 'LOGIN_RATE_LIMITED'
            ? 'login.rateLimited'
            : error.statusCode === 0
              ? 'app.errorOffline'
              : 'app.errorGeneric',
      );
    } finally {
      this.busy.set(false);
    }
  }
}
