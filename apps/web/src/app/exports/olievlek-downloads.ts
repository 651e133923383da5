import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { EXPORT_URLS, type ExportFormat } from '@olievlek/shared';
import { AuthService } from '../core/auth.service';

/**
 * Download links for the figures on screen: the view's tables, the check-off history and the
 * case list as CSV or XLSX, and the printable director's report. Plain links: the browser
 * sends the session cookie, and the server checks role and scope exactly as for the screen.
 */
@Component({
  selector: 'ov-olievlek-downloads',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .ov-downloads {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 16rem), 1fr));
      gap: 1rem;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .ov-downloads h3 {
      margin-block: 0 0.5rem;
      font-size: 1rem;
    }
    .ov-downloads__links {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
  `,
  template: `
    <ul class="ov-downloads" role="list">
      <li>
        <h3 class="utrecht-heading-3">{{ 'importExport.downloads.figures' | transloco }}</h3>
        <div class="ov-downloads__links">
          @for (format of formats; track format) {
            <a
              class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
              [href]="figuresUrl(format)"
              download
              [attr.aria-label]="
                'importExport.downloads.figuresLabel'
                  | transloco: { format: ('importExport.downloads.' + format | transloco) }
              "
              >{{ 'importExport.downloads.' + format | transloco }}</a
            >
          }
        </div>
      </li>
      <li>
        <h3 class="utrecht-heading-3">{{ 'importExport.downloads.checkOffs' | transloco }}</h3>
        <div class="ov-downloads__links">
          @for (format of formats; track format) {
            <a
              class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
              [href]="checkOffsUrl(format)"
              download
              [attr.aria-label]="
                'importExport.downloads.checkOffsLabel'
                  | transloco: { format: ('importExport.downloads.' + format | transloco) }
              "
              >{{ 'importExport.downloads.' + format | transloco }}</a
            >
          }
        </div>
        @if (isDirector()) {
          <p class="utrecht-paragraph ov-muted">
            {{ 'importExport.downloads.checkOffsHint' | transloco }}
          </p>
        }
      </li>
      @if (seesCases()) {
        <li>
          <h3 class="utrecht-heading-3">{{ 'importExport.downloads.cases' | transloco }}</h3>
          <div class="ov-downloads__links">
            @for (format of formats; track format) {
              <a
                class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
                [href]="casesUrl(format)"
                download
                [attr.aria-label]="
                  'importExport.downloads.casesLabel'
                    | transloco: { format: ('importExport.downloads.' + format | transloco) }
                "
                >{{ 'importExport.downloads.' + format | transloco }}</a
              >
            }
          </div>
        </li>
      }
      <li>
        <h3 class="utrecht-heading-3">{{ 'importExport.downloads.report' | transloco }}</h3>
        <div class="ov-downloads__links">
          <a
            class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
            [href]="reportUrl('nl')"
            target="_blank"
            rel="noopener"
            lang="nl"
            >{{ 'importExport.downloads.reportNl' | transloco }}</a
          >
          <a
            class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
            [href]="reportUrl('en')"
            target="_blank"
            rel="noopener"
            lang="en"
            >{{ 'importExport.downloads.reportEn' | transloco }}</a
          >
          <a
            class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
            [href]="reportPdfUrl('nl')"
            download
            lang="nl"
            >{{ 'importExport.downloads.reportPdfNl' | transloco }}</a
          >
          <a
            class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
            [href]="reportPdfUrl('en')"
            download
            lang="en"
            >{{ 'importExport.downloads.reportPdfEn' | transloco }}</a
          >
        </div>
      </li>
    </ul>
  `,
})
export class OlievlekDownloads {
  private readonly auth = inject(AuthService);
  readonly unitId = input.required<string>();
  readonly date = input.required<string>();

  protected readonly formats: ExportFormat[] = ['csv', 'xlsx'];
  protected readonly seesCases = computed(
    () => this.auth.hasRole('admin') || this.auth.hasRole('ambassador'),
  );
  protected readonly isDirector = computed(
    () => !this.seesCases() && this.auth.hasRole('director'),
  );

  protected figuresUrl(format: ExportFormat): string {
    return EXPORT_URLS.olievlek(format, this.unitId(), this.date());
  }
  protected checkOffsUrl(format: ExportFormat): string {
    return EXPORT_URLS.checkOffs(format, this.unitId());
  }
  protected casesUrl(format: ExportFormat): string {
    return EXPORT_URLS.cases(format);
  }
  protected reportPdfUrl(lang: 'nl' | 'en'): string {
    return EXPORT_URLS.reportPdf(lang, this.unitId(), this.date());
  }
  protected reportUrl(lang: 'nl' | 'en'): string {
    return EXPORT_URLS.report(lang, this.unitId(), this.date());
  }
}
