import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { LanguageSwitch } from '../shell/language-switch';
import { SiteFooter } from '../shell/site-footer';

/** The limitations the statement names, each a heading-less paragraph in the list. */
const LIMITS = ['charts', 'spreadGraph', 'report', 'audit'] as const;

/**
 * The accessibility statement in the shape of the model on digitoegankelijk.nl: organisation and
 * scope, compliance status, date, how it was tested, known limitations, and how to report a
 * problem. Public: someone who cannot sign in must still be able to read how to get help.
 */
@Component({
  selector: 'ov-accessibility-page',
  imports: [RouterLink, TranslocoPipe, LanguageSwitch, SiteFooter],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .ov-statement {
      max-width: 45rem;
    }
    .ov-statement__status {
      font-weight: 600;
    }
  `,
  template: `
    <a class="ov-skip-link" href="#main">{{ 'app.skipToContent' | transloco }}</a>
    <header class="ov-header ov-header--plain">
      <div class="ov-header__inner">
        <a class="ov-brand" routerLink="/">
          <span class="ov-brand__mark" aria-hidden="true"></span>
          <span class="ov-brand__name">{{ 'app.name' | transloco }}</span>
        </a>
        <ov-language-switch />
      </div>
    </header>
    <main id="main" class="ov-main" tabindex="-1">
      <article class="ov-statement">
        <h1 class="utrecht-heading-1">{{ 'accessibility.heading' | transloco }}</h1>
        <p class="utrecht-paragraph">{{ 'accessibility.intro' | transloco }}</p>

        <h2 class="utrecht-heading-2">{{ 'accessibility.scopeHeading' | transloco }}</h2>
        <p class="utrecht-paragraph">{{ 'accessibility.scope' | transloco }}</p>

        <h2 class="utrecht-heading-2">{{ 'accessibility.statusHeading' | transloco }}</h2>
        <p class="utrecht-paragraph ov-statement__status" data-testid="a11y-status">
          {{ 'accessibility.status' | transloco }}
        </p>
        <p class="utrecht-paragraph">{{ 'accessibility.statusExplained' | transloco }}</p>

        <h2 class="utrecht-heading-2">{{ 'accessibility.dateHeading' | transloco }}</h2>
        <p class="utrecht-paragraph">{{ 'accessibility.date' | transloco }}</p>

        <h2 class="utrecht-heading-2">{{ 'accessibility.testedHeading' | transloco }}</h2>
        <ul class="utrecht-unordered-list">
          <li class="utrecht-unordered-list__item">{{ 'accessibility.testedAxe' | transloco }}</li>
          <li class="utrecht-unordered-list__item">
            {{ 'accessibility.testedKeyboard' | transloco }}
          </li>
          <li class="utrecht-unordered-list__item">
            {{ 'accessibility.testedWidths' | transloco }}
          </li>
        </ul>
        <p class="utrecht-paragraph">{{ 'accessibility.testedNot' | transloco }}</p>

        <h2 class="utrecht-heading-2">{{ 'accessibility.limitsHeading' | transloco }}</h2>
        <ul class="utrecht-unordered-list">
          @for (limit of limits; track limit) {
            <li class="utrecht-unordered-list__item">
              {{ 'accessibility.limits.' + limit | transloco }}
            </li>
          }
        </ul>

        <h2 class="utrecht-heading-2">{{ 'accessibility.reportHeading' | transloco }}</h2>
        <p class="utrecht-paragraph">{{ 'accessibility.report' | transloco }}</p>
        <p class="utrecht-paragraph">{{ 'accessibility.reportWhat' | transloco }}</p>
        <p class="utrecht-paragraph">{{ 'accessibility.response' | transloco }}</p>

        <h2 class="utrecht-heading-2">{{ 'accessibility.enforcementHeading' | transloco }}</h2>
        <p class="utrecht-paragraph">{{ 'accessibility.enforcement' | transloco }}</p>
      </article>
    </main>
    <ov-site-footer />
  `,
})
export class AccessibilityPage {
  protected readonly limits = LIMITS;
}
