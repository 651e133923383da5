import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  resource,
  signal,
} from '@angular/core';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { OrgUnitDto, PracticeDto, SpreadLinkDto } from '@olievlek/shared';
import { AdminApi } from '../admin/admin-api.service';
import { apiError } from '../core/api-error';
import { translateError } from '../core/error-text';
import { LanguageService } from '../core/language.service';
import { OlievlekApi } from '../olievlek/olievlek-api.service';
import { Feedback } from '../shell/feedback';
import { SpreadLinkForm } from './spread-link-form';
import { loaded } from '../shell/load-status';

/**
 * The case's part of the oil stain: which teams this team learned from and passed practices on
 * to, and (for the case's ambassadors and admins) "Inspired by another team" to record one more.
 */
@Component({
  selector: 'ov-case-spread-links',
  imports: [Feedback, SpreadLinkForm, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="ov-card" aria-labelledby="spread-heading">
      <h2 class="utrecht-heading-2" id="spread-heading">
        {{ 'olievlek.links.heading' | transloco }}
      </h2>
      <p class="utrecht-paragraph ov-muted">{{ 'olievlek.links.intro' | transloco }}</p>
      <ov-feedback [notice]="notice()" />
      @if (loaded(links); as list) {
        @if (list.length > 0) {
          <ul class="ov-list">
            @for (link of list; track link.id) {
              <li class="ov-list__item">{{ linkText(link) }}</li>
            }
          </ul>
        } @else {
          <p class="utrecht-paragraph">{{ 'olievlek.links.none' | transloco }}</p>
        }
      } @else if (links.error()) {
        <p class="utrecht-paragraph ov-warning">{{ loadError() }}</p>
      } @else {
        <p class="utrecht-paragraph">{{ 'app.loading' | transloco }}</p>
      }
      @if (canEdit()) {
        @if (adding()) {
          <ov-spread-link-form
            idPrefix="case-link"
            [heading]="'olievlek.links.add' | transloco"
            [target]="team()"
            [units]="loaded(units) ?? []"
            [practices]="practices()"
            (recorded)="recorded($event)"
            (cancelled)="close()"
          />
        } @else {
          <p class="ov-actions">
            <button
              type="button"
              id="case-link-open"
              class="utrecht-button utrecht-button--secondary-action"
              (click)="open()"
            >
              {{ 'olievlek.links.add' | transloco }}
            </button>
          </p>
        }
      }
    </section>
  `,
})
export class CaseSpreadLinks {
  protected readonly loaded = loaded;
  private readonly api = inject(OlievlekApi);
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(LanguageService);

  readonly team = input.required<{ id: string; name: string }>();
  readonly canEdit = input(false);
  readonly practices = input.required<PracticeDto[]>();

  private readonly admin = inject(AdminApi);

  protected readonly adding = signal(false);
  private readonly unitsWanted = signal(false);
  /** Teams to choose from, with their departments; asked for when the form first opens. */
  protected readonly units = resource<OrgUnitDto[], true | undefined>({
    params: () => (this.unitsWanted() ? true : undefined),
    loader: () => this.admin.orgUnits(),
  });
  protected readonly notice = signal<string | null>(null);

  /** The links that touch this team, newest first. */
  protected readonly links = resource({
    params: () => this.team().id,
    loader: async ({ params: teamId }) => {
      const graph = await this.api.teamLinks(teamId);
      return graph.links
        .filter((l) => l.source.id === teamId || l.target.id === teamId)
        .sort((a, b) => (a.on < b.on ? 1 : a.on > b.on ? -1 : 0));
    },
  });

  private readonly dateFormat = computed(
    () =>
      new Intl.DateTimeFormat(this.language.current() === 'nl' ? 'nl-NL' : 'en-GB', {
        dateStyle: 'long',
        timeZone: 'UTC',
      }),
  );

  protected linkText(link: SpreadLinkDto): string {
    const incoming = link.target.id === this.team().id;
    const practice = link.practice
      ? this.language.current() === 'en'
        ? link.practice.title.en
        : link.practice.title.nl
      : null;
    const text = this.transloco.translate(
      incoming ? 'olievlek.links.incoming' : 'olievlek.links.outgoing',
      {
        team: incoming ? link.source.name : link.target.name,
        date: this.dateFormat().format(new Date(link.on + 'T00:00:00Z')),
      },
    );
    const parts = [text];
    if (practice) parts.push(`“${practice}”`);
    if (link.note) parts.push(link.note);
    return parts.join(' — ');
  }

  protected loadError(): string {
    return translateError(this.transloco, apiError(this.links.error()));
  }

  protected open(): void {
    this.notice.set(null);
    this.unitsWanted.set(true);
    this.adding.set(true);
  }

  protected close(): void {
    this.adding.set(false);
    setTimeout(() => document.getElementById('case-link-open')?.focus());
  }

  protected recorded(link: SpreadLinkDto): void {
    this.notice.set(
      this.transloco.translate('olievlek.links.saved', {
        source: link.source.name,
        target: link.target.name,
      }),
    );
    this.links.reload();
    this.close();
  }
}
