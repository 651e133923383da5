import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  OnInit,
  signal,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  API,
  AuthMethodsResponse,
  RETURN_PARAM,
  safeReturnPath,
  SSO_FAILURES,
  SsoFailure,
} from '@olievlek/shared';
import { apiError } from '../core/api-error';
import { AuthService } from '../core/auth.service';
import { LanguageService } from '../core/language.service';
import { SiteFooter } from '../shell/site-footer';
import { LanguageSwitch } from '../shell/language-switch';

@Component({
  selector: 'ov-login-page',
  imports: [ReactiveFormsModule, TranslocoPipe, LanguageSwitch, SiteFooter],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .utrecht-alert {
      margin-block-end: 1rem;
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
        <h1 class="utrecht-heading-1">{{ 'login.heading' | transloco }}</h1>
        @if (ssoFailureKey(); as failure) {
          <div class="utrecht-alert utrecht-alert--error" role="alert">
            <p class="utrecht-paragraph">{{ failure | transloco }}</p>
          </div>
        }
        @if (verlopen() && !error() && !ssoFailureKey()) {
          <div class="utrecht-alert utrecht-alert--info" role="status">
            <p class="utrecht-paragraph">{{ 'login.expired' | transloco }}</p>
          </div>
        }
        @if (methods()?.sso) {
          <p class="utrecht-paragraph">
            {{ (passwordAllowed() ? 'sso.intro' : 'sso.introOnly') | transloco }}
          </p>
          <p class="utrecht-paragraph">
            <a
              class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action"
              [href]="ssoStart()"
              >{{ methods()?.ssoLabel || ('sso.button' | transloco) }}</a
            >
          </p>
          @if (passwordAllowed()) {
            <h2 class="utrecht-heading-2">{{ 'sso.passwordHeading' | transloco }}</h2>
          }
        }
        @if (passwordAllowed()) {
          <p class="utrecht-paragraph">{{ 'login.intro' | transloco }}</p>
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
                    'login.required'
                      | transloco: { field: ('login.email' | transloco).toLowerCase() }
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
        }
      </div>
      <p class="ov-tagline">{{ 'app.tagline' | transloco }}</p>
    </main>
    <ov-site-footer />
  `,
})
export class LoginPage implements OnInit {
  private readonly auth = inject(AuthService);
  private readonly language = inject(LanguageService);
  private readonly router = inject(Router);
  private readonly fb = inject(NonNullableFormBuilder);

  /** `?verlopen=1` after a session ended elsewhere. */
  readonly verlopen = input<string | undefined>();
  /** `?sso=<reason>` when a single sign-on came back without a session. */
  readonly sso = input<string | undefined>();

  /** `?terug=<path>`: where the person was going; only a relative path of the app counts. */
  readonly terug = input<string | undefined>();

  private readonly returnPath = computed(() => safeReturnPath(this.terug()));
  /** The SSO start carries the return path; the API checks it again with the same rule. */
  protected readonly ssoStart = computed(() => {
    const back = this.returnPath();
    return back ? `${API.ssoStart}?${RETURN_PARAM}=${encodeURIComponent(back)}` : API.ssoStart;
  });
  protected readonly methods = signal<AuthMethodsResponse | null>(null);
  /** Until the API has said otherwise, the password form is there. */
  protected readonly passwordAllowed = computed(() => this.methods()?.password ?? true);
  protected readonly ssoFailureKey = computed(() => {
    const reason = this.sso();
    if (!reason) return null;
    const known = (SSO_FAILURES as readonly string[]).includes(reason)
      ? (reason as SsoFailure)
      : 'failed';
    return `sso.failures.${known === 'no-role' ? 'noRole' : known}`;
  });

  protected readonly form = this.fb.group({
    email: ['', [Validators.required]],
    password: ['', [Validators.required]],
  });
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  private readonly submitted = signal(false);

  async ngOnInit(): Promise<void> {
    try {
      this.methods.set(await this.auth.methods());
    } catch {
      // Offline or an older server: the password form stays, its own errors explain the rest.
    }
  }

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
      await this.router.navigateByUrl(this.returnPath() ?? '/');
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
