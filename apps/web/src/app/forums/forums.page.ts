import { Formatter } from '../core/formatter';
import { ChangeDetectionStrategy, Component, inject, resource } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { FORUM_KIND_VALUES } from '@olievlek/shared';
import { AuthService } from '../core/auth.service';
import { Feedback } from '../shell/feedback';
import { saveState } from '../shell/save-state';
import { ForumFormat } from './forum-format';
import { applyDefaultCadence, cadenceOf, newForumForm } from './forum-form';
import { ForumsApi } from './forums-api.service';
import { loaded } from '../shell/load-status';

/** The forums a person may see; for hosts and ambassadors the houd vol radar and a new forum. */
@Component({
  selector: 'ov-forums-page',
  imports: [RouterLink, TranslocoPipe, ReactiveFormsModule, Feedback],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './forums.page.html',
})
export class ForumsPage {
  protected readonly loaded = loaded;
  private readonly api = inject(ForumsApi);
  private readonly fmt = inject(Formatter);
  private readonly router = inject(Router);
  private readonly auth = inject(AuthService);
  protected readonly format = inject(ForumFormat);
  protected readonly save = saveState();

  protected readonly hosts = this.auth.hasRole('admin') || this.auth.hasRole('ambassador');
  protected readonly kinds = FORUM_KIND_VALUES;
  protected readonly forums = resource({ loader: () => this.api.list() });
  protected readonly radar = resource({
    loader: () => (this.hosts ? this.api.houdVol() : Promise.resolve([])),
  });
  protected readonly form = newForumForm(this.fmt.today());

  constructor() {
    this.form.controls.kind.valueChanges.subscribe((kind) => applyDefaultCadence(this.form, kind));
  }

  protected async create(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.save.busyAt.set('create');
    try {
      const { kind, name, purpose, startDate } = this.form.getRawValue();
      const forum = await this.api.create({
        kind,
        name,
        purpose,
        startDate,
        cadence: cadenceOf(this.form),
      });
      await this.router.navigate(['/overleggen', forum.id]);
    } catch (e) {
      this.save.failWith('create', e);
    } finally {
      this.save.busyAt.set(null);
    }
  }
}
