import { HttpClient } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import { API, AuthMethodsResponse, LoginRequest, MeResponse, Role } from '@olievlek/shared';
import { firstValueFrom } from 'rxjs';

/** Who is signed in. `undefined` while the first check runs, `null` when nobody is. */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly http = inject(HttpClient);
  private readonly state = signal<MeResponse | null | undefined>(undefined);
  private loading: Promise<MeResponse | null> | null = null;

  readonly me = this.state.asReadonly();
  readonly signedIn = computed(() => !!this.state());

  hasRole(role: Role): boolean {
    return this.state()?.roles.includes(role) ?? false;
  }

  /** Asks the API once who is signed in (also fetches the CSRF cookie). */
  ensureLoaded(): Promise<MeResponse | null> {
    if (this.state() !== undefined) return Promise.resolve(this.state() ?? null);
    this.loading ??= firstValueFrom(this.http.get<MeResponse>(API.me))
      .catch(() => null)
      .then((me) => {
        this.state.set(me);
        this.loading = null;
        return me;
      });
    return this.loading;
  }

  /** How people may sign in here: password, single sign-on, or both. */
  methods(): Promise<AuthMethodsResponse> {
    return firstValueFrom(this.http.get<AuthMethodsResponse>(API.authMethods));
  }

  async login(request: LoginRequest): Promise<MeResponse> {
    const me = await firstValueFrom(this.http.post<MeResponse>(API.login, request));
    this.state.set(me);
    return me;
  }

  async logout(): Promise<void> {
    try {
      await firstValueFrom(this.http.post<void>(API.logout, {}));
    } finally {
      this.state.set(null);
    }
  }

  update(me: MeResponse): void {
    this.state.set(me);
  }

  /** The session ended on the server (401): forget the user. */
  expired(): void {
    this.state.set(null);
  }
}
