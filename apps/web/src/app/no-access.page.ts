import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';

/** Where a page the person's roles do not open sends them: said plainly, with a way back. */
@Component({
  selector: 'ov-no-access-page',
  imports: [RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1 class="utrecht-heading-1">{{ 'trust.noAccess' | transloco }}</h1>
    <p class="utrecht-paragraph">{{ 'trust.noAccessText' | transloco }}</p>
    <p class="utrecht-paragraph">
      <a class="utrecht-link" routerLink="/">{{ 'trust.noAccessBack' | transloco }}</a>
    </p>
  `,
})
export class NoAccessPage {}
