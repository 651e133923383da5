import { DOCUMENT, inject, Injectable } from '@angular/core';
import { AuthService } from './auth.service';

const PREFIX = 'olievlek-draft:';

/**
 * What someone is typing into a form, kept in this tab (sessionStorage) until it is saved, so a
 * session that ends mid-edit loses nothing: after signing in again the page puts it back. A draft
 * belongs to the person who typed it — another person signing in on the same tab never sees it —
 * and signing out drops them all. Keys name the form and the record: `intake-<caseId>`.
 */
@Injectable({ providedIn: 'root' })
export class Drafts {
  private readonly auth = inject(AuthService);
  private readonly storage = inject(DOCUMENT).defaultView?.sessionStorage ?? null;

  keep(key: string, value: unknown): void {
    const owner = this.auth.me()?.id;
    if (!owner) return;
    try {
      this.storage?.setItem(`${PREFIX}${key}`, JSON.stringify({ owner, value }));
    } catch {
      // Storage full or refused (private mode): the form still works, only without this net.
    }
  }

  /** The draft under `key` if the signed-in person kept it, else null. */
  find<T>(key: string): T | null {
    const owner = this.auth.me()?.id;
    const raw = this.storage?.getItem(`${PREFIX}${key}`);
    if (!owner || !raw) return null;
    try {
      const kept = JSON.parse(raw) as { owner: string; value: T };
      return kept.owner === owner ? kept.value : null;
    } catch {
      return null;
    }
  }

  drop(key: string): void {
    this.storage?.removeItem(`${PREFIX}${key}`);
  }

  /** On signing out: nothing typed stays behind in the tab. */
  dropAll(): void {
    if (!this.storage) return;
    const keys = Array.from({ length: this.storage.length }, (_, i) => this.storage?.key(i));
    for (const key of keys) if (key?.startsWith(PREFIX)) this.storage.removeItem(key);
  }
}
