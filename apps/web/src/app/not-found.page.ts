import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { SiteFooter } from './shell/site-footer';
import { LanguageSwitch } from './shell/language-switch';

@Component({
  selector: 'ov-not-found-page',
  imports: [RouterLink, TranslocoPipe, LanguageSwitch, SiteFooter],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="ov-header ov-header--plain">
      <div class="ov-header__inner">
        <a class="ov-brand" routerLink="/">
          <span class="ov-brand__mark" aria-hidden="true"></span>
          <span class="ov-brand__name">{{ 'app.name' | transloco }}</span>
        </a>
        <ov-language-switch />
      </div>
    </header>
    <main id="main" class="ov-main ov-main--narrow">
      <h1 class="utrecht-heading-1">{{ 'notFound.heading' | transloco }}</h1>
      <p class="utrecht-paragraph">{{ 'notFound.text' | transloco }}</p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" routerLink="/">{{ 'notFound.home' | transloco }}</a>
      </p>
    </main>
    <ov-site-footer />
  `,
})
export class NotFoundPage {}
