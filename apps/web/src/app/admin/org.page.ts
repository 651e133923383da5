import { NgTemplateOutlet } from '@angular/common';
import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  Injector,
  signal,
  viewChild,
} from '@angular/core';
import {
  FormControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { childKindOf, parentKindOf, searchText, treeSearch } from '@olievlek/domain';
import type { OrgUnitDto, OrgUnitKind } from '@olievlek/shared';
import { apiError } from '../core/api-error';
import { Feedback } from '../shell/feedback';
import { translateError, translateFields } from '../core/error-text';
import { PluralPipe } from '../core/formatter';
import { AdminApi } from './admin-api.service';

type Editor =
  { mode: 'add'; parent: OrgUnitDto; kind: OrgUnitKind } | { mode: 'edit'; unit: OrgUnitDto };

@Component({
  selector: 'ov-org-page',
  imports: [Feedback, ReactiveFormsModule, TranslocoPipe, NgTemplateOutlet, RouterLink, PluralPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .ov-org__search {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1rem;
      align-items: end;
    }
    .ov-org__count {
      min-block-size: 1.5rem;
      margin-block: 0 0.5rem;
    }
    .ov-tree__name--match {
      font-weight: 700;
      text-decoration: underline;
      text-decoration-thickness: 2px;
    }
  `,
  template: `
    <h1 class="utrecht-heading-1">{{ 'org.heading' | transloco }}</h1>
    <p class="utrecht-paragraph ov-lead">{{ 'org.intro' | transloco }}</p>
    <p class="utrecht-paragraph">
      <a class="utrecht-link" routerLink="/beheer/import">{{ 'importExport.link' | transloco }}</a>
    </p>

    <div
      class="ov-toolbar ov-org__search"
      role="search"
      [attr.aria-label]="'org.search.label' | transloco"
    >
      <div class="utrecht-form-field">
        <label class="utrecht-form-label" for="org-search">{{
          'org.search.term' | transloco
        }}</label>
        <input
          id="org-search"
          class="utrecht-textbox utrecht-textbox--html-input"
          type="search"
          autocomplete="off"
          [value]="term()"
          (input)="setTerm($any($event.target).value)"
        />
      </div>
      <div class="utrecht-form-field">
        <label class="utrecht-form-label" for="org-kind">{{ 'org.search.kind' | transloco }}</label>
        <select
          id="org-kind"
          class="utrecht-select utrecht-select--html-select"
          (change)="setKind($any($event.target).value)"
        >
          <option value="">{{ 'org.search.anyKind' | transloco }}</option>
          @for (kind of searchKinds; track kind) {
            <option [value]="kind" [selected]="kind === kindFilter()">
              {{ 'kinds.' + kind | transloco }}
            </option>
          }
        </select>
      </div>
    </div>
    <p class="utrecht-paragraph ov-org__count" role="status" aria-live="polite">
      @if (search(); as found) {
        {{ 'org.search.count' | ovPlural: found.matches.size }}
      }
    </p>

    <div class="ov-toolbar">
      <div class="utrecht-form-field utrecht-form-field--checkbox">
        <input
          id="show-archived"
          type="checkbox"
          class="utrecht-checkbox utrecht-checkbox--html-input"
          [checked]="showArchived()"
          (change)="toggleArchived()"
        />
        <label class="utrecht-form-label utrecht-form-label--checkbox" for="show-archived">{{
          'org.showArchived' | transloco
        }}</label>
      </div>
    </div>

    <ov-feedback
      [notice]="notice()"
      [error]="error()"
      [conflict]="conflict()"
      (reload)="reload()"
    />

    @if (root(); as rootUnit) {
      <ul class="ov-tree" role="list">
        <ng-container *ngTemplateOutlet="node; context: { $implicit: rootUnit }" />
      </ul>
    } @else {
      <p class="utrecht-paragraph">{{ 'app.loading' | transloco }}</p>
    }

    <ng-template #node let-unit>
      <li class="ov-tree__item" [class.ov-tree__item--archived]="unit.archivedAt">
        <div class="ov-tree__row">
          @if (childrenOf(unit.id).length > 0) {
            <button
              type="button"
              class="ov-tree__toggle"
              [attr.aria-expanded]="isExpanded(unit.id)"
              [attr.aria-label]="
                (isExpanded(unit.id) ? 'org.collapse' : 'org.expand')
                  | transloco: { name: unit.name }
              "
              (click)="toggle(unit.id)"
            >
              <span aria-hidden="true">{{ isExpanded(unit.id) ? '▾' : '▸' }}</span>
            </button>
          } @else {
            <span class="ov-tree__spacer" aria-hidden="true"></span>
          }
          <span class="ov-tree__label">
            <span class="ov-tree__name" [class.ov-tree__name--match]="isMatch(unit.id)">{{
              unit.name
            }}</span>
            <span class="ov-tree__meta">
              {{ 'kinds.' + unit.kind | transloco }}
              @if (unit.headcount !== null) {
                · {{ 'org.headcountValue' | ovPlural: unit.headcount }}
              }
              @if (unit.archivedAt) {
                · <span class="ov-badge">{{ 'org.archived' | transloco }}</span>
              }
            </span>
          </span>
          <span class="ov-tree__actions">
            @if (!unit.archivedAt && childKind(unit); as kind) {
              <button
                type="button"
                class="utrecht-button utrecht-button--subtle ov-button--small"
                [attr.aria-label]="('org.add.' + kind | transloco) + ' — ' + unit.name"
                (click)="startAdd(unit, kind)"
              >
                {{ 'org.add.' + kind | transloco }}
              </button>
            }
            @if (!unit.archivedAt) {
              <button
                type="button"
                class="utrecht-button utrecht-button--subtle ov-button--small"
                [attr.aria-label]="'org.editUnit' | transloco: { name: unit.name }"
                (click)="startEdit(unit)"
              >
                {{ 'org.edit' | transloco }}
              </button>
            }
            @if (unit.parentId !== null) {
              @if (unit.archivedAt) {
                <button
                  type="button"
                  class="utrecht-button utrecht-button--subtle ov-button--small"
                  [attr.aria-label]="'org.restoreUnit' | transloco: { name: unit.name }"
                  (click)="restore(unit)"
                >
                  {{ 'org.restore' | transloco }}
                </button>
              } @else {
                <button
                  type="button"
                  class="utrecht-button utrecht-button--subtle ov-button--small"
                  [attr.aria-label]="'org.archiveUnit' | transloco: { name: unit.name }"
                  (click)="archive(unit)"
                >
                  {{ 'org.archive' | transloco }}
                </button>
              }
            }
          </span>
        </div>
        @if (openCaseWarning() === unit.id) {
          <div class="utrecht-alert utrecht-alert--warning ov-tree__warning" role="alert">
            <p class="utrecht-paragraph">
              {{ 'orgOpenCase.warning' | transloco: { name: unit.name } }}
            </p>
            <div class="ov-tree__actions">
              <button
                type="button"
                class="utrecht-button utrecht-button--secondary-action ov-button--small"
                (click)="archive(unit, true)"
              >
                {{ 'orgOpenCase.confirm' | transloco }}
              </button>
              <button
                type="button"
                class="utrecht-button utrecht-button--subtle ov-button--small"
                (click)="openCaseWarning.set(null)"
              >
                {{ 'app.cancel' | transloco }}
              </button>
            </div>
          </div>
        }

        @if (editorFor(unit.id); as ed) {
          <form
            class="ov-inline-form"
            [formGroup]="form"
            (ngSubmit)="save()"
            [attr.aria-label]="formTitle(ed)"
          >
            <h2 class="utrecht-heading-3">{{ formTitle(ed) }}</h2>
            <div
              class="utrecht-form-field"
              [class.utrecht-form-field--invalid]="fieldError('name')"
            >
              <label class="utrecht-form-label" for="unit-name">{{ 'org.name' | transloco }}</label>
              @if (fieldError('name'); as message) {
                <p class="utrecht-form-field-error-message" id="unit-name-error">{{ message }}</p>
              }
              <input
                #unitName
                id="unit-name"
                class="utrecht-textbox utrecht-textbox--html-input"
                formControlName="name"
                maxlength="200"
                [attr.aria-invalid]="!!fieldError('name')"
                [attr.aria-describedby]="fieldError('name') ? 'unit-name-error' : null"
              />
            </div>
            @if (editedKind(ed) === 'team') {
              <div
                class="utrecht-form-field"
                [class.utrecht-form-field--invalid]="fieldError('headcount')"
              >
                <label class="utrecht-form-label" for="unit-headcount">{{
                  'org.headcount' | transloco
                }}</label>
                @if (fieldError('headcount'); as message) {
                  <p class="utrecht-form-field-error-message" id="unit-headcount-error">
                    {{ message }}
                  </p>
                }
                <input
                  id="unit-headcount"
                  class="utrecht-textbox utrecht-textbox--html-input ov-input--short"
                  type="number"
                  min="0"
                  max="100000"
                  inputmode="numeric"
                  formControlName="headcount"
                  [attr.aria-describedby]="fieldError('headcount') ? 'unit-headcount-error' : null"
                />
              </div>
            }
            @if (ed.mode === 'edit' && parentOptions(ed.unit).length > 0) {
              <div
                class="utrecht-form-field"
                [class.utrecht-form-field--invalid]="fieldError('parentId')"
              >
                <label class="utrecht-form-label" for="unit-parent">{{
                  'org.parent' | transloco
                }}</label>
                @if (fieldError('parentId'); as message) {
                  <p class="utrecht-form-field-error-message" id="unit-parent-error">
                    {{ message }}
                  </p>
                }
                <select
                  id="unit-parent"
                  class="utrecht-select utrecht-select--html-select"
                  formControlName="parentId"
                >
                  @for (option of parentOptions(ed.unit); track option.id) {
                    <option [value]="option.id">{{ option.name }}</option>
                  }
                </select>
              </div>
            }
            <div class="ov-actions">
              <button
                type="submit"
                class="utrecht-button utrecht-button--primary-action"
                [disabled]="busy()"
              >
                {{ 'app.save' | transloco }}
              </button>
              <button
                type="button"
                class="utrecht-button utrecht-button--secondary-action"
                (click)="cancel()"
              >
                {{ 'app.cancel' | transloco }}
              </button>
            </div>
          </form>
        }

        @if (isExpanded(unit.id) && childrenOf(unit.id).length > 0) {
          <ul class="ov-tree__children" role="list">
            @for (child of childrenOf(unit.id); track child.id) {
              <ng-container *ngTemplateOutlet="node; context: { $implicit: child }" />
            }
          </ul>
        }
      </li>
    </ng-template>
  `,
})
export class OrgPage {
  private readonly api = inject(AdminApi);
  private readonly transloco = inject(TranslocoService);
  private readonly injector = inject(Injector);
  private readonly unitName = viewChild<ElementRef<HTMLElement>>('unitName');
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly units = signal<OrgUnitDto[]>([]);
  protected readonly showArchived = signal(false);
  private readonly expanded = signal<ReadonlySet<string>>(new Set());
  protected readonly editor = signal<Editor | null>(null);
  protected readonly busy = signal(false);
  protected readonly notice = signal<string | null>(null);
  /** The team whose archiving waits for "archive anyway": it has an open case. */
  protected readonly openCaseWarning = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly conflict = signal(false);
  private readonly fields = signal<Record<string, string>>({});

  protected readonly form = this.fb.group({
    name: ['', [Validators.required, Validators.maxLength(200)]],
    headcount: new FormControl<number | null>(null),
    parentId: [''],
  });

  protected readonly root = computed(() => this.units().find((u) => u.parentId === null) ?? null);
  private readonly children = computed(() => {
    const map = new Map<string, OrgUnitDto[]>();
    for (const unit of this.units()) {
      if (unit.parentId === null) continue;
      const list = map.get(unit.parentId) ?? [];
      list.push(unit);
      map.set(unit.parentId, list);
    }
    for (const list of map.values()) list.sort((a, b) => a.name.localeCompare(b.name, 'nl'));
    return map;
  });

  /** Search by name and filter by kind: the tree keeps only the matches and the units above them. */
  protected readonly searchKinds: readonly OrgUnitKind[] = ['directorate', 'department', 'team'];
  protected readonly term = signal('');
  protected readonly kindFilter = signal<OrgUnitKind | ''>('');
  protected readonly search = computed(() => {
    const term = searchText(this.term().trim());
    const kind = this.kindFilter();
    if (!term && !kind) return null;
    return treeSearch(
      this.units(),
      (u) => (!kind || u.kind === kind) && (!term || searchText(u.name).includes(term)),
    );
  });

  constructor() {
    void this.reload();
  }

  protected setTerm(value: string): void {
    this.term.set(value);
    this.openSearchPath();
  }
  protected setKind(value: string): void {
    this.kindFilter.set(value as OrgUnitKind | '');
    this.openSearchPath();
  }
  /** Every unit above a match opens, so the matches are in view; the admin can fold them again. */
  private openSearchPath(): void {
    const found = this.search();
    if (found) this.expanded.set(new Set([...this.expanded(), ...found.ancestors]));
  }
  protected isMatch(id: string): boolean {
    return this.search()?.matches.has(id) ?? false;
  }

  protected childrenOf(id: string): OrgUnitDto[] {
    const all = this.children().get(id) ?? [];
    const found = this.search();
    return found ? all.filter((u) => found.shown.has(u.id)) : all;
  }
  protected childKind(unit: OrgUnitDto): OrgUnitKind | null {
    return childKindOf(unit.kind);
  }
  protected isExpanded(id: string): boolean {
    return this.expanded().has(id);
  }
  protected toggle(id: string): void {
    const next = new Set(this.expanded());
    if (next.has(id)) next.delete(id);
    else next.add(id);
    this.expanded.set(next);
  }
  protected editorFor(id: string): Editor | null {
    const ed = this.editor();
    if (!ed) return null;
    return (ed.mode === 'add' ? ed.parent.id : ed.unit.id) === id ? ed : null;
  }
  protected editedKind(ed: Editor): OrgUnitKind {
    return ed.mode === 'add' ? ed.kind : ed.unit.kind;
  }
  protected formTitle(ed: Editor): string {
    return ed.mode === 'add'
      ? this.transloco.translate('org.addUnder', { name: ed.parent.name })
      : this.transloco.translate('org.editUnit', { name: ed.unit.name });
  }
  protected parentOptions(unit: OrgUnitDto): OrgUnitDto[] {
    const kind = parentKindOf(unit.kind);
    if (!kind || kind === 'organisation') return [];
    return this.units()
      .filter((u) => u.kind === kind && !u.archivedAt)
      .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  }
  protected fieldError(name: string): string | null {
    return this.fields()[name] ?? null;
  }

  protected async toggleArchived(): Promise<void> {
    this.showArchived.update((v) => !v);
    await this.reload();
  }

  async reload(): Promise<void> {
    this.error.set(null);
    this.conflict.set(false);
    try {
      const units = await this.api.orgUnits(this.showArchived());
      this.units.set(units);
      if (this.expanded().size === 0) {
        // Open the organisation and its directorates; departments open on demand.
        const root = units.find((u) => u.parentId === null);
        this.expanded.set(new Set(root ? [root.id] : []));
      }
    } catch (e) {
      this.fail(e);
    }
  }

  protected startAdd(parent: OrgUnitDto, kind: OrgUnitKind): void {
    this.resetMessages();
    this.form.reset({ name: '', headcount: null, parentId: parent.id });
    this.editor.set({ mode: 'add', parent, kind });
    this.focusName();
  }

  protected startEdit(unit: OrgUnitDto): void {
    this.resetMessages();
    this.form.reset({ name: unit.name, headcount: unit.headcount, parentId: unit.parentId ?? '' });
    this.editor.set({ mode: 'edit', unit });
    this.focusName();
  }

  protected cancel(): void {
    this.editor.set(null);
    this.fields.set({});
  }

  protected async save(): Promise<void> {
    const ed = this.editor();
    if (!ed) return;
    const { name, headcount, parentId } = this.form.getRawValue();
    if (this.form.controls.name.invalid) {
      this.fields.set({ name: this.transloco.translate('trust.unitNameRequired') });
      this.focusName();
      return;
    }
    this.busy.set(true);
    this.resetMessages();
    try {
      const count = headcount === null || (headcount as unknown) === '' ? null : Number(headcount);
      if (ed.mode === 'add') {
        const created = await this.api.createOrgUnit({
          parentId: ed.parent.id,
          name,
          ...(ed.kind === 'team' ? { headcount: count } : {}),
        });
        this.expanded.set(new Set([...this.expanded(), ed.parent.id]));
        this.notice.set(this.transloco.translate('org.created', { name: created.name }));
      } else {
        const saved = await this.api.updateOrgUnit(ed.unit.id, {
          version: ed.unit.version,
          name,
          ...(ed.unit.kind === 'team' ? { headcount: count } : {}),
          ...(parentId && parentId !== ed.unit.parentId ? { parentId } : {}),
        });
        this.notice.set(this.transloco.translate('org.saved', { name: saved.name }));
      }
      this.editor.set(null);
      await this.reload();
    } catch (e) {
      this.fail(e);
    } finally {
      this.busy.set(false);
    }
  }

  protected async archive(unit: OrgUnitDto, confirmOpenCase = false): Promise<void> {
    this.resetMessages();
    try {
      await this.api.archiveOrgUnit(unit, confirmOpenCase);
      this.notice.set(this.transloco.translate('org.archivedDone', { name: unit.name }));
      await this.reload();
    } catch (e) {
      if (apiError(e).code === 'ORG_UNIT_HAS_OPEN_CASE') this.openCaseWarning.set(unit.id);
      else this.fail(e);
    }
  }

  protected async restore(unit: OrgUnitDto): Promise<void> {
    this.resetMessages();
    try {
      await this.api.restoreOrgUnit(unit);
      this.notice.set(this.transloco.translate('org.restoredDone', { name: unit.name }));
      await this.reload();
    } catch (e) {
      this.fail(e);
    }
  }

  private resetMessages(): void {
    this.openCaseWarning.set(null);
    this.notice.set(null);
    this.error.set(null);
    this.conflict.set(false);
    this.fields.set({});
  }

  private fail(e: unknown): void {
    const error = apiError(e);
    if (error.code.endsWith('VERSION_CONFLICT')) {
      this.conflict.set(true);
      this.error.set(this.transloco.translate('org.conflict'));
      return;
    }
    if (error.fields) this.fields.set(translateFields(this.transloco, error));
    this.error.set(translateError(this.transloco, error));
  }

  private focusName(): void {
    afterNextRender(() => this.unitName()?.nativeElement.focus(), { injector: this.injector });
  }
}
