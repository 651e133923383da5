import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  ElementRef,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import {
  IMPORT_MAX_BYTES,
  type ImportErrorDto,
  type ImportFieldChangeDto,
  type ImportItemDto,
  type ImportMode,
  type ImportPreviewDto,
  type ImportResultDto,
} from '@olievlek/shared';
import type { Observable, Subscription } from 'rxjs';
import { apiError } from '../core/api-error';
import { translateError } from '../core/error-text';
import { Formatter, PluralPipe } from '../core/formatter';
import { Feedback } from '../shell/feedback';
import { ImportApi, type UploadEvent } from './import-api.service';
import { importErrorText } from './import-error-text';

type Phase = 'idle' | 'uploading' | 'processing' | 'preview' | 'confirming' | 'done';

/**
 * Import of the organisation or its users from HR's CSV or XLSX: choose a file, see what it would
 * create, change and archive (with the bad lines), then confirm. Nothing changes before that.
 */
@Component({
  selector: 'ov-import-page',
  imports: [Feedback, RouterLink, TranslocoPipe, PluralPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .ov-import__form {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem 1rem;
      align-items: end;
    }
    .ov-import__form .utrecht-form-field {
      margin: 0;
      flex: 0 1 28rem;
    }
    .ov-import__help {
      margin-block: 0 1.25rem;
    }
    .ov-import__help summary {
      cursor: pointer;
      margin-block-end: 0.5rem;
    }
    .ov-import__result h2 {
      margin-block: 0 0.5rem;
    }
    .ov-import__file {
      max-inline-size: 100%;
    }
    .ov-import__progress {
      margin-block: 1rem;
    }
    .ov-import__progress progress {
      display: block;
      inline-size: 100%;
      max-inline-size: 32rem;
      block-size: 1.25rem;
    }
    .ov-import__counts {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(9rem, 1fr));
      gap: 0.5rem 1rem;
      margin: 0 0 1rem;
    }
    .ov-import__counts div {
      border: 1px solid var(--ov-border, #ccc);
      border-radius: 4px;
      padding: 0.5rem 0.75rem;
    }
    .ov-import__counts dt {
      font-size: 0.875rem;
    }
    .ov-import__counts dd {
      margin: 0;
      font-size: 1.5rem;
      font-weight: 600;
    }
    .ov-import__scroll {
      overflow-x: auto;
      margin-block-end: 1.5rem;
    }
    .ov-import__scroll caption {
      text-align: start;
      font-weight: 600;
      padding-block-end: 0.25rem;
    }
    .ov-import__change {
      display: block;
    }
    .ov-import__help code {
      overflow-wrap: anywhere;
    }
    .ov-import__mode {
      margin-block: 0 1.25rem;
    }
    .ov-import__second {
      margin-block: 1rem;
    }
    .ov-import__actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem;
      align-items: center;
    }
  `,
  template: `
    <h1 class="utrecht-heading-1">{{ 'importExport.heading' | transloco }}</h1>
    <p class="utrecht-paragraph ov-lead">{{ 'importExport.intro' | transloco }}</p>

    <details class="ov-import__help">
      <summary>{{ 'importExport.help.summary' | transloco }}</summary>
      <p class="utrecht-paragraph">{{ 'importExport.help.org' | transloco }}</p>
      <p class="utrecht-paragraph">
        <code>directie;afdeling;team;medewerkers;code</code>
      </p>
      <p class="utrecht-paragraph">{{ 'importExport.help.users' | transloco }}</p>
      <p class="utrecht-paragraph"><code>naam;e-mail;rol;team;bereik;taal</code></p>
      <p class="utrecht-paragraph">{{ 'importExport.help.rules' | transloco }}</p>
    </details>

    <form class="ov-import__form" (submit)="$event.preventDefault(); previewFile()">
      <div class="utrecht-form-field">
        <label class="utrecht-form-label" for="import-file">{{
          'importExport.file' | transloco
        }}</label>
        <p class="utrecht-form-field-description" id="import-file-hint">
          {{ 'importExport.fileHint' | transloco: { mb: maxMb } }}
        </p>
        <input
          #fileInput
          id="import-file"
          class="ov-import__file"
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby="import-file-hint"
          [disabled]="busy()"
          (change)="choose($event)"
        />
      </div>
      <button
        type="submit"
        class="utrecht-button utrecht-button--primary-action"
        [disabled]="busy() || !file()"
      >
        {{ 'importExport.previewButton' | transloco }}
      </button>
    </form>

    <div class="ov-import__progress" role="status" aria-live="polite">
      @if (phase() === 'uploading' || phase() === 'confirming') {
        <label for="import-progress">{{
          (phase() === 'uploading' ? 'importExport.uploading' : 'importExport.applying')
            | transloco: { percent: percent() }
        }}</label>
        <progress id="import-progress" max="100" [value]="percent()">{{ percent() }}%</progress>
      } @else if (phase() === 'processing') {
        <label for="import-progress">{{ 'importExport.processing' | transloco }}</label>
        <progress id="import-progress"></progress>
      }
    </div>

    <ov-feedback [error]="error()" [conflict]="stale()" (reload)="previewFile()" />

    @if (result(); as r) {
      <div class="utrecht-alert utrecht-alert--ok ov-import__result" role="status">
        <div>
          <h2 class="utrecht-heading-2" id="import-result" tabindex="-1">
            {{ 'importExport.result.heading' | transloco }}
          </h2>
          <p class="utrecht-paragraph">
            {{
              'importExport.result.text'
                | transloco: { created: r.created, changed: r.changed, archived: r.archived }
            }}
          </p>
          <p class="utrecht-paragraph">
            <a
              class="utrecht-link"
              [routerLink]="r.kind === 'users' ? '/beheer/gebruikers' : '/beheer/organisatie'"
              >{{
                (r.kind === 'users' ? 'importExport.result.toUsers' : 'importExport.result.toOrg')
                  | transloco
              }}</a
            >
          </p>
        </div>
      </div>
    }

    @if (preview(); as p) {
      <section aria-labelledby="import-preview">
        <h2 class="utrecht-heading-2" id="import-preview" tabindex="-1">
          {{ 'importExport.preview.heading.' + p.kind | transloco: { file: fileName() } }}
        </h2>
        <p class="utrecht-paragraph" data-testid="import-lines">
          {{ linesText(p) }}
        </p>
        <dl class="ov-import__counts">
          <div>
            <dt>{{ 'importExport.count.rows' | transloco }}</dt>
            <dd>{{ p.counts.rows }}</dd>
          </div>
          <div>
            <dt>{{ 'importExport.count.create' | transloco }}</dt>
            <dd>{{ p.counts.lines.new }}</dd>
          </div>
          <div>
            <dt>{{ 'importExport.count.change' | transloco }}</dt>
            <dd>{{ p.counts.lines.changed }}</dd>
          </div>
          <div>
            <dt>{{ 'importExport.count.unchanged' | transloco }}</dt>
            <dd>{{ p.counts.lines.unchanged }}</dd>
          </div>
          <div>
            <dt>{{ 'importSafety.linesWithErrors' | transloco }}</dt>
            <dd>{{ p.counts.lines.errors }}</dd>
          </div>
          <div>
            <dt>{{ 'importSafety.notInFile.' + p.kind | transloco }}</dt>
            <dd>{{ p.counts.archive }}</dd>
          </div>
        </dl>
        @if (p.counts.archive) {
          <fieldset class="utrecht-form-fieldset ov-import__mode">
            <legend class="utrecht-form-fieldset__legend">
              {{ 'importSafety.mode.legend' | transloco }}
            </legend>
            <p class="utrecht-paragraph" data-testid="import-running-work">
              {{ runningWorkText(p) }}
            </p>
            <div class="utrecht-form-field utrecht-form-field--radio">
              <input
                type="radio"
                class="utrecht-radio-button utrecht-radio-button--html-input"
                id="import-mode-add-update"
                name="import-mode"
                [checked]="mode() === 'add-update'"
                (change)="setMode('add-update')"
              />
              <label
                class="utrecht-form-label utrecht-form-label--radio"
                for="import-mode-add-update"
                >{{ 'importSafety.mode.addUpdate' | transloco }}</label
              >
            </div>
            <div class="utrecht-form-field utrecht-form-field--radio">
              <input
                type="radio"
                class="utrecht-radio-button utrecht-radio-button--html-input"
                id="import-mode-archive"
                name="import-mode"
                [checked]="mode() === 'archive'"
                (change)="setMode('archive')"
              />
              <label
                class="utrecht-form-label utrecht-form-label--radio"
                for="import-mode-archive"
                >{{ 'importSafety.mode.archive.' + p.kind | transloco }}</label
              >
            </div>
          </fieldset>
        }
        @if (p.ignoredColumns.length) {
          <p class="utrecht-paragraph ov-muted">
            {{ 'importExport.ignored' | transloco: { columns: p.ignoredColumns.join(', ') } }}
          </p>
        }

        @if (p.errors.length) {
          <div class="ov-import__scroll">
            <table class="utrecht-table" aria-describedby="import-errors-hint">
              <caption class="utrecht-table__caption">
                {{
                  'importExport.errors.caption' | transloco: { count: p.counts.errors }
                }}
              </caption>
              <thead class="utrecht-table__header">
                <tr class="utrecht-table__row">
                  <th scope="col" class="utrecht-table__header-cell">
                    {{ 'importExport.col.line' | transloco }}
                  </th>
                  <th scope="col" class="utrecht-table__header-cell">
                    {{ 'importExport.col.column' | transloco }}
                  </th>
                  <th scope="col" class="utrecht-table__header-cell">
                    {{ 'importExport.col.problem' | transloco }}
                  </th>
                </tr>
              </thead>
              <tbody class="utrecht-table__body">
                @for (e of p.errors; track $index) {
                  <tr class="utrecht-table__row">
                    <td class="utrecht-table__cell">{{ e.line }}</td>
                    <td class="utrecht-table__cell">{{ e.column ?? '—' }}</td>
                    <td class="utrecht-table__cell">{{ errorText(e) }}</td>
                  </tr>
                }
              </tbody>
            </table>
            <p class="utrecht-paragraph ov-muted" id="import-errors-hint">
              {{ 'importExport.errors.hint' | transloco }}
            </p>
          </div>
        }

        @for (list of lists(); track list.key) {
          @if (list.items.length) {
            <div class="ov-import__scroll">
              <table class="utrecht-table">
                <caption class="utrecht-table__caption">
                  {{
                    (list.key === 'archive'
                      ? 'importSafety.list.' + mode() + '.' + p.kind
                      : 'importExport.list.' + list.key + '.' + p.kind
                    ) | transloco: { count: list.total }
                  }}
                </caption>
                <thead class="utrecht-table__header">
                  <tr class="utrecht-table__row">
                    <th scope="col" class="utrecht-table__header-cell">
                      {{ 'importExport.col.line' | transloco }}
                    </th>
                    <th scope="col" class="utrecht-table__header-cell">
                      {{ 'importExport.col.what' | transloco }}
                    </th>
                    <th scope="col" class="utrecht-table__header-cell">
                      {{ 'importExport.col.kind' | transloco }}
                    </th>
                    <th scope="col" class="utrecht-table__header-cell">
                      {{ 'importExport.col.details' | transloco }}
                    </th>
                  </tr>
                </thead>
                <tbody class="utrecht-table__body">
                  @for (item of list.items; track $index) {
                    <tr class="utrecht-table__row">
                      <td class="utrecht-table__cell">{{ item.line ?? '—' }}</td>
                      <td class="utrecht-table__cell">
                        {{ item.label }}
                        @if (item.openCase) {
                          <span class="ov-badge ov-badge--warning">{{
                            'importSafety.openCase.' + p.kind | transloco
                          }}</span>
                        }
                      </td>
                      <td class="utrecht-table__cell">
                        {{ 'importExport.type.' + item.type | transloco }}
                      </td>
                      <td class="utrecht-table__cell">
                        @for (c of item.changes; track $index) {
                          <span class="ov-import__change">{{ changeText(c) }}</span>
                        } @empty {
                          @if (item.headcount !== undefined && item.headcount !== null) {
                            {{ 'importExport.headcount' | ovPlural: item.headcount }}
                          }
                        }
                      </td>
                    </tr>
                  }
                </tbody>
              </table>
              @if (list.total > list.items.length) {
                <p class="utrecht-paragraph ov-muted">
                  {{
                    'importExport.more' | transloco: { shown: list.items.length, total: list.total }
                  }}
                </p>
              }
            </div>
          }
        }

        <div class="ov-import__actions">
          <button
            type="button"
            class="utrecht-button utrecht-button--primary-action"
            [disabled]="!canApply() || busy() || confirmingArchive()"
            [attr.aria-describedby]="canApply() ? null : 'import-confirm-hint'"
            (click)="confirm()"
          >
            {{
              (mode() === 'archive' ? 'importSafety.confirmArchiveMode' : 'importExport.confirm')
                | transloco
            }}
          </button>
          @if (!canApply()) {
            <p class="utrecht-paragraph ov-muted" id="import-confirm-hint">
              {{
                (p.counts.errors ? 'importExport.cannotConfirm' : 'importExport.nothingToDo')
                  | transloco
              }}
            </p>
          }
        </div>
        @if (confirmingArchive()) {
          <div
            class="utrecht-alert utrecht-alert--warning ov-import__second"
            role="alertdialog"
            aria-labelledby="import-second-heading"
            aria-describedby="import-second-text"
          >
            <h3 class="utrecht-heading-3" id="import-second-heading" tabindex="-1">
              {{ 'importSafety.second.heading' | transloco }}
            </h3>
            <p class="utrecht-paragraph" id="import-second-text">{{ runningWorkText(p) }}</p>
            <div class="ov-import__actions">
              <button
                type="button"
                class="utrecht-button utrecht-button--primary-action"
                [disabled]="busy()"
                (click)="apply()"
              >
                {{ archiveButtonText(p) }}
              </button>
              <button
                type="button"
                class="utrecht-button utrecht-button--secondary-action"
                (click)="confirmingArchive.set(false)"
              >
                {{ 'app.cancel' | transloco }}
              </button>
            </div>
          </div>
        }
      </section>
    }
  `,
})
export class ImportPage {
  private readonly api = inject(ImportApi);
  private readonly transloco = inject(TranslocoService);
  private readonly host = inject(ElementRef<HTMLElement>);
  private readonly fileInput = viewChild<ElementRef<HTMLInputElement>>('fileInput');

  protected readonly maxMb = Math.round(IMPORT_MAX_BYTES / 1024 / 1024);
  protected readonly file = signal<File | null>(null);
  protected readonly fileName = computed(() => this.file()?.name ?? '');
  protected readonly phase = signal<Phase>('idle');
  protected readonly percent = signal(0);
  protected readonly preview = signal<ImportPreviewDto | null>(null);
  protected readonly result = signal<ImportResultDto | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly stale = signal(false);
  private readonly format = inject(Formatter);
  /** Never archive unless the admin chooses to; then a second confirmation names the count. */
  protected readonly mode = signal<ImportMode>('add-update');
  protected readonly confirmingArchive = signal(false);
  protected readonly canApply = computed(() => {
    const p = this.preview();
    return !!p && (this.mode() === 'archive' ? p.canArchive : p.canConfirm);
  });
  protected readonly busy = computed(() =>
    ['uploading', 'processing', 'confirming'].includes(this.phase()),
  );
  protected readonly lists = computed(() => {
    const p = this.preview();
    if (!p) return [];
    return [
      { key: 'create', items: p.create, total: p.counts.create },
      { key: 'change', items: p.change, total: p.counts.change },
      { key: 'archive', items: p.archive, total: p.counts.archive },
    ] as Array<{ key: string; items: ImportItemDto[]; total: number }>;
  });

  private running: Subscription | null = null;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.running?.unsubscribe());
  }

  protected choose(event: Event): void {
    const input = event.target as HTMLInputElement;
    this.file.set(input.files?.[0] ?? null);
    this.preview.set(null);
    this.result.set(null);
    this.error.set(null);
    this.stale.set(false);
  }

  protected previewFile(): void {
    const file = this.file();
    if (!file) return;
    if (file.size > IMPORT_MAX_BYTES) {
      this.error.set(this.transloco.translate('importExport.tooLarge', { mb: this.maxMb }));
      return;
    }
    this.preview.set(null);
    this.result.set(null);
    this.mode.set('add-update');
    this.confirmingArchive.set(false);
    this.run(this.api.preview(file), 'uploading', (p) => {
      this.preview.set(p);
      this.phase.set('preview');
      this.focus('#import-preview');
    });
  }

  protected setMode(mode: ImportMode): void {
    this.mode.set(mode);
    this.confirmingArchive.set(false);
  }

  /** In archive mode a second question first, naming what is archived; else apply at once. */
  protected confirm(): void {
    const p = this.preview();
    if (this.mode() === 'archive' && p?.counts.archive) {
      this.confirmingArchive.set(true);
      this.focus('#import-second-heading');
      return;
    }
    this.apply();
  }

  protected apply(): void {
    const file = this.file();
    const p = this.preview();
    if (!file || !p) return;
    const archive = this.mode() === 'archive';
    const request = this.api.confirm(
      file,
      p.previewId,
      this.mode(),
      archive ? p.counts.archive : undefined,
    );
    this.confirmingArchive.set(false);
    this.run(request, 'confirming', (r) => {
      this.result.set(r);
      this.preview.set(null);
      this.file.set(null);
      const input = this.fileInput()?.nativeElement;
      if (input) input.value = '';
      this.phase.set('done');
      this.focus('#import-result');
    });
  }

  protected errorText(error: ImportErrorDto): string {
    return importErrorText(this.transloco, error);
  }

  protected changeText(change: ImportFieldChangeDto): string {
    const field = this.transloco.translate(`importExport.field.${change.field}`);
    const none = this.transloco.translate('importExport.none');
    const value = (v: string | null) => (v === null ? none : this.valueText(change.field, v));
    if (change.from === null) return `${field}: ${value(change.to)}`;
    return `${field}: ${value(change.from)} → ${value(change.to)}`;
  }

  /** The API's values are codes (`yes`, `archived`, `ambassador, team`, `en`): put them in words. */
  private valueText(field: ImportFieldChangeDto['field'], value: string): string {
    const t = (key: string) => this.transloco.translate(key);
    switch (field) {
      case 'active':
        return t(`importSafety.value.active.${value === 'yes' ? 'yes' : 'no'}`);
      case 'restore':
        return t(`importSafety.value.restore.${value === 'archived' ? 'archived' : 'active'}`);
      case 'roles':
        return value
          .split(',')
          .map((role) => t(`roles.${role.trim()}`))
          .join(', ');
      case 'locale':
        return t(`importSafety.value.locale.${value === 'en' ? 'en' : 'nl'}`);
      case 'headcount':
        return this.format.number(Number(value), 0);
      default:
        return value;
    }
  }

  /** "61 regels: 1 nieuw, 1 gewijzigd, 58 ongewijzigd, 1 met een fout." — they add up. */
  protected linesText(p: ImportPreviewDto): string {
    const l = p.counts.lines;
    return this.format.plural('importSafety.lines', p.counts.rows, {
      new: this.format.number(l.new, 0),
      changed: this.format.number(l.changed, 0),
      unchanged: this.format.number(l.unchanged, 0),
      errors: this.format.number(l.errors, 0),
    });
  }

  /**
   * What happens to running work, in words: "32 teams worden gearchiveerd, waarvan 12 met een
   * lopende casus" — or, in the default mode, that they stay as they are.
   */
  protected runningWorkText(p: ImportPreviewDto): string {
    const c = p.counts;
    const how = this.mode() === 'archive' ? 'archive' : 'keep';
    const main = p.kind === 'users' ? c.archive : (c.archiveByType.team ?? 0);
    const group = p.kind === 'users' ? 'people' : 'teams';
    const sentences: string[] = [];
    if (main) {
      const open = c.archiveWithOpenCase
        ? this.format.plural(`importSafety.${group}.openCase`, c.archiveWithOpenCase)
        : '';
      sentences.push(this.format.plural(`importSafety.${group}.${how}`, main) + open);
    }
    const others = c.archive - main;
    if (others) sentences.push(this.format.plural(`importSafety.units.${how}`, others));
    return sentences.map((sentence) => `${sentence}.`).join(' ');
  }

  protected archiveButtonText(p: ImportPreviewDto): string {
    return this.format.plural(`importSafety.second.button.${p.kind}`, p.counts.archive);
  }

  private run<T>(source: Observable<UploadEvent<T>>, phase: Phase, done: (body: T) => void): void {
    this.running?.unsubscribe();
    this.error.set(null);
    this.stale.set(false);
    this.percent.set(0);
    this.phase.set(phase);
    const uploadPhase = phase;
    this.running = source.subscribe({
      next: (event) => {
        if (event.type === 'progress') this.percent.set(event.percent);
        else if (event.type === 'processing') {
          if (uploadPhase === 'uploading') this.phase.set('processing');
        } else done(event.body);
      },
      error: (err: unknown) => {
        const body = apiError(err);
        this.error.set(translateError(this.transloco, body));
        this.stale.set(body.code === 'IMPORT_PREVIEW_STALE');
        this.phase.set(this.preview() ? 'preview' : 'idle');
        if (body.code === 'IMPORT_PREVIEW_STALE') this.preview.set(null);
      },
    });
  }

  private focus(selector: string): void {
    setTimeout(() =>
      (this.host.nativeElement as HTMLElement).querySelector<HTMLElement>(selector)?.focus(),
    );
  }
}
