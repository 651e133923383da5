import { ChangeDetectionStrategy, Component, computed, inject, resource } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { PluralPipe } from '../core/formatter';
import { subtreeIds } from '@olievlek/domain';
import { AdminApi } from '../admin/admin-api.service';
import { CasesApi } from '../cases/cases-api.service';
import { AuthService } from '../core/auth.service';
import { loaded, LoadStatus } from '../shell/load-status';

/** One section per role the user holds: a user may be admin and ambassador at once. */
@Component({
  selector: 'ov-home-page',
  imports: [LoadStatus, PluralPipe, RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .ov-card--feature {
      border-inline-start: 0.375rem solid var(--ov-accent);
    }
  `,
  template: `
    <h1 class="utrecht-heading-1">{{ 'home.welcome' | transloco: { name: me()?.name } }}</h1>
    <p class="utrecht-paragraph ov-lead">{{ 'home.intro' | transloco }}</p>

    <div class="ov-grid">
      @if (has('director') || has('ambassador') || has('admin')) {
        <section class="ov-card ov-card--feature" aria-labelledby="home-olievlek">
          <h2 class="utrecht-heading-2" id="home-olievlek">
            {{ 'home.olievlek.heading' | transloco }}
          </h2>
          <p class="utrecht-paragraph">{{ 'home.olievlek.intro' | transloco }}</p>
          <p class="ov-actions">
            <a
              class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action"
              routerLink="/olievlek"
              >{{ 'home.olievlek.link' | transloco }}</a
            >
          </p>
        </section>
      }
      @if (has('admin')) {
        <section class="ov-card" aria-labelledby="home-admin">
          <h2 class="utrecht-heading-2" id="home-admin">{{ 'home.admin.heading' | transloco }}</h2>
          @if (counts(); as c) {
            <p class="utrecht-paragraph">{{ 'home.admin.counts' | transloco: c }}</p>
          } @else {
            <p class="utrecht-paragraph">{{ 'app.loading' | transloco }}</p>
          }
          <p class="ov-actions">
            <a
              class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action"
              routerLink="/beheer/organisatie"
              >{{ 'home.admin.manageOrganisation' | transloco }}</a
            >
            <a
              class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
              routerLink="/beheer/gebruikers"
              >{{ 'home.admin.manageUsers' | transloco }}</a
            >
          </p>
        </section>
      }
      @if (has('ambassador')) {
        <section class="ov-card" aria-labelledby="home-ambassador">
          <h2 class="utrecht-heading-2" id="home-ambassador">
            {{ 'home.ambassador.heading' | transloco }}
          </h2>
          <p class="utrecht-paragraph">{{ 'home.ambassador.intro' | transloco }}</p>
          @if (activeTeams() !== null) {
            <p class="utrecht-paragraph">
              {{ 'home.ambassador.teams' | transloco: { teams: activeTeams() } }}
            </p>
          }
          <ov-load-status [resource]="caseload" />
          @if (loaded(caseload); as load) {
            <p class="utrecht-paragraph">
              {{ 'cases.mine' | transloco: { count: load.cases.length } }}
            </p>
            @if (load.stalledRadar.length > 0) {
              <p class="utrecht-paragraph ov-warning">
                {{ 'home.ambassador.stalled' | transloco: { count: load.stalledRadar.length } }}
              </p>
            }
          }
          <p class="ov-actions">
            <a
              class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action"
              routerLink="/casussen"
              >{{ 'home.ambassador.link' | transloco }}</a
            >
          </p>
        </section>
      }
      @if (has('team')) {
        <section class="ov-card" aria-labelledby="home-team">
          <h2 class="utrecht-heading-2" id="home-team">{{ 'home.team.heading' | transloco }}</h2>
          @for (team of me()?.teams; track team.id) {
            <p class="utrecht-paragraph ov-strong">
              {{ 'home.team.teamName' | transloco: { name: team.name } }}
            </p>
          } @empty {
            <p class="utrecht-paragraph">{{ 'home.team.none' | transloco }}</p>
          }
          <p class="utrecht-paragraph ov-muted">{{ 'home.team.intro' | transloco }}</p>
          <p class="ov-actions">
            <a
              class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action"
              routerLink="/bord"
              >{{ 'home.team.link' | transloco }}</a
            >
          </p>
        </section>
      }
      @if (has('director')) {
        <section class="ov-card" aria-labelledby="home-director">
          <h2 class="utrecht-heading-2" id="home-director">
            {{ 'home.director.heading' | transloco }}
          </h2>
          @if (me()?.scope; as scope) {
            <p class="utrecht-paragraph ov-strong">
              {{ 'home.director.scope' | transloco: { name: scope.name } }}
            </p>
          }
          @if (scopeTeams() !== null) {
            <p class="utrecht-paragraph">
              {{ 'home.director.teams' | ovPlural: scopeTeams() ?? 0 }}
            </p>
          }
          <p class="utrecht-paragraph ov-muted">{{ 'home.director.intro' | transloco }}</p>
        </section>
      }
    </div>
  `,
})
export class HomePage {
  protected readonly loaded = loaded;
  private readonly auth = inject(AuthService);
  private readonly api = inject(AdminApi);
  protected readonly me = this.auth.me;

  private readonly cases = inject(CasesApi);
  private readonly units = resource({ loader: () => this.api.orgUnits() });
  protected readonly caseload = resource({
    params: () => (this.has('ambassador') ? true : undefined),
    loader: () => this.cases.caseload(),
  });
  private readonly users = resource({
    params: () => (this.has('admin') ? true : undefined),
    loader: () => this.api.users(),
  });

  protected has(role: 'admin' | 'ambassador' | 'team' | 'director'): boolean {
    return this.me()?.roles.includes(role) ?? false;
  }

  protected readonly activeTeams = computed(() =>
    this.units.hasValue() ? this.units.value().filter((u) => u.kind === 'team').length : null,
  );

  protected readonly counts = computed(() => {
    if (!this.units.hasValue() || !this.users.hasValue()) return null;
    const units = this.units.value();
    const count = (kind: string) => units.filter((u) => u.kind === kind).length;
    return {
      directorates: count('directorate'),
      departments: count('department'),
      teams: count('team'),
      users: this.users.value().length,
    };
  });

  protected readonly scopeTeams = computed(() => {
    const scope = this.me()?.scope;
    if (!scope || !this.units.hasValue()) return null;
    const units = this.units.value();
    const inScope = subtreeIds(units, scope.id);
    return units.filter((u) => u.kind === 'team' && inScope.has(u.id)).length;
  });
}
