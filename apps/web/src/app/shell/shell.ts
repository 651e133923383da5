import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { filter } from 'rxjs';
import { TranslocoPipe } from '@jsverse/transloco';
import { Drafts } from '../core/drafts';
import { AuthService } from '../core/auth.service';
import { SiteFooter } from './site-footer';
import { LanguageSwitch } from './language-switch';
import { preloadOlievlek } from '../olievlek/preload';

@Component({
  selector: 'ov-shell',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, TranslocoPipe, LanguageSwitch, SiteFooter],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a class="ov-skip-link" href="#main">{{ 'app.skipToContent' | transloco }}</a>
    <header class="ov-header" [class.ov-header--open]="menuOpen()">
      <div class="ov-header__inner">
        <a class="ov-brand" routerLink="/">
          <span class="ov-brand__mark" aria-hidden="true"></span>
          <span class="ov-brand__name">{{ 'app.name' | transloco }}</span>
        </a>
        <!-- On a phone the tools and the menu fold behind this button (DESIGN: header ≤ 120 px). -->
        <button
          type="button"
          class="utrecht-button utrecht-button--secondary-action ov-button--small ov-menu-button"
          aria-controls="ov-header-tools ov-header-nav"
          [attr.aria-expanded]="menuOpen()"
          (click)="menuOpen.set(!menuOpen())"
        >
          <span aria-hidden="true">☰</span> {{ 'trust.menu' | transloco }}
        </button>
        <div class="ov-header__tools" id="ov-header-tools">
          <span class="ov-header__user">{{
            'app.signedInAs' | transloco: { name: me()?.name }
          }}</span>
          <a class="utrecht-link" routerLink="/instellingen">{{ 'mail.nav' | transloco }}</a>
          <ov-language-switch />
          <button
            type="button"
            class="utrecht-button utrecht-button--secondary-action ov-button--small"
            (click)="signOut()"
          >
            {{ 'app.signOut' | transloco }}
          </button>
        </div>
      </div>
      <nav class="ov-nav" id="ov-header-nav" [attr.aria-label]="'app.mainNav' | transloco">
        <ul class="ov-nav__list">
          <li>
            <a
              class="ov-nav__link"
              routerLink="/"
              routerLinkActive="ov-nav__link--current"
              ariaCurrentWhenActive="page"
              [routerLinkActiveOptions]="{ exact: true }"
              >{{ 'nav.home' | transloco }}</a
            >
          </li>
          @if (isTeam()) {
            <li>
              <a
                class="ov-nav__link"
                routerLink="/bord"
                routerLinkActive="ov-nav__link--current"
                ariaCurrentWhenActive="page"
                >{{ 'nav.board' | transloco }}</a
              >
            </li>
          }
          @if (isAmbassador()) {
            <li>
              <a
                class="ov-nav__link"
                routerLink="/casussen"
                routerLinkActive="ov-nav__link--current"
                ariaCurrentWhenActive="page"
                >{{ 'nav.cases' | transloco }}</a
              >
            </li>
          }
          @if (isAdmin() || isAmbassador() || isTeam()) {
            <li>
              <a
                class="ov-nav__link"
                routerLink="/overleggen"
                routerLinkActive="ov-nav__link--current"
                ariaCurrentWhenActive="page"
                >{{ 'forums.nav' | transloco }}</a
              >
            </li>
          }
          @if (canSeeOlievlek()) {
            <li>
              <a
                class="ov-nav__link"
                routerLink="/olievlek"
                routerLinkActive="ov-nav__link--current"
                ariaCurrentWhenActive="page"
                (pointerenter)="preloadOlievlek()"
                (focus)="preloadOlievlek()"
                >{{ 'nav.olievlek' | transloco }}</a
              >
            </li>
          }
          <li>
            <a
              class="ov-nav__link"
              routerLink="/catalogus"
              routerLinkActive="ov-nav__link--current"
              ariaCurrentWhenActive="page"
              >{{ 'nav.catalogue' | transloco }}</a
            >
          </li>
          @if (isAdmin()) {
            <li>
              <a
                class="ov-nav__link"
                routerLink="/beheer/organisatie"
                routerLinkActive="ov-nav__link--current"
                ariaCurrentWhenActive="page"
                >{{ 'nav.organisation' | transloco }}</a
              >
            </li>
            <li>
              <a
                class="ov-nav__link"
                routerLink="/beheer/gebruikers"
                routerLinkActive="ov-nav__link--current"
                ariaCurrentWhenActive="page"
                >{{ 'nav.users' | transloco }}</a
              >
            </li>
            <li>
              <a
                class="ov-nav__link"
                routerLink="/beheer/audit"
                routerLinkActive="ov-nav__link--current"
                ariaCurrentWhenActive="page"
                >{{ 'nav.audit' | transloco }}</a
              >
            </li>
          }
        </ul>
      </nav>
    </header>
    <main id="main" class="ov-main" tabindex="-1">
      <router-outlet />
    </main>
    <ov-site-footer />
  `,
})
export class Shell {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly drafts = inject(Drafts);
  protected readonly me = this.auth.me;
  /** The phone's folded menu; it folds again after each navigation. */
  protected readonly menuOpen = signal(false);

  constructor() {
    this.router.events
      .pipe(
        filter((e) => e instanceof NavigationEnd),
        takeUntilDestroyed(),
      )
      .subscribe(() => this.menuOpen.set(false));
  }

  /** On the way to the olievlek view: its code downloads while the pointer is still moving. */
  protected preloadOlievlek(): void {
    preloadOlievlek().catch(() => undefined); // navigating there reports a failed download
  }
  protected readonly isAdmin = computed(() => this.auth.me()?.roles.includes('admin') ?? false);
  protected readonly isTeam = computed(() => this.auth.me()?.roles.includes('team') ?? false);
  protected readonly isAmbassador = computed(
    () => this.auth.me()?.roles.includes('ambassador') ?? false,
  );

  protected readonly canSeeOlievlek = computed(() =>
    (this.auth.me()?.roles ?? []).some(
      (r) => r === 'admin' || r === 'ambassador' || r === 'director',
    ),
  );

  protected async signOut(): Promise<void> {
    this.drafts.dropAll();
    await this.auth.logout();
    await this.router.navigateByUrl('/inloggen');
  }
}
