import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';

/** The footer of every page, signed in or not: where the accessibility statement is found. */
@Component({
  selector: 'ov-site-footer',
  imports: [RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <footer class="ov-footer">
      <ul class="ov-footer__list">
        <li>
          <a class="utrecht-link" routerLink="/toegankelijkheid">{{
            'accessibility.footerLink' | transloco
          }}</a>
        </li>
      </ul>
    </footer>
  `,
})
export class SiteFooter {}
