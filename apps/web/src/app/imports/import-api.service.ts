import { HttpClient, HttpEventType, HttpHeaders, HttpRequest } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  IMPORT_ROUTES,
  type ImportMode,
  type ImportPreviewDto,
  type ImportResultDto,
} from '@olievlek/shared';
import { Observable } from 'rxjs';

/** What an upload reports while it runs: bytes sent, then the server's work, then the answer. */
export type UploadEvent<T> =
  { type: 'progress'; percent: number } | { type: 'processing' } | { type: 'done'; body: T };

/** The import endpoints: the file goes as the raw body, with real upload progress. */
@Injectable({ providedIn: 'root' })
export class ImportApi {
  private readonly http = inject(HttpClient);

  preview(file: Blob): Observable<UploadEvent<ImportPreviewDto>> {
    return this.upload<ImportPreviewDto>(IMPORT_ROUTES.preview, file);
  }

  /** `archiveCount`: in archive mode, the number of archives the admin confirmed. */
  confirm(
    file: Blob,
    previewId: string,
    mode: ImportMode,
    archiveCount?: number,
  ): Observable<UploadEvent<ImportResultDto>> {
    const query = new URLSearchParams({ previewId, mode });
    if (archiveCount !== undefined) query.set('archiveCount', String(archiveCount));
    const url = `${IMPORT_ROUTES.confirm}?${query}`;
    return this.upload<ImportResultDto>(url, file);
  }

  private upload<T>(url: string, file: Blob): Observable<UploadEvent<T>> {
    const request = new HttpRequest('POST', url, file, {
      reportProgress: true,
      headers: new HttpHeaders({ 'Content-Type': 'application/octet-stream' }),
    });
    return new Observable<UploadEvent<T>>((subscriber) => {
      const subscription = this.http.request<T>(request).subscribe({
        next: (event) => {
          if (event.type === HttpEventType.UploadProgress) {
            const total = event.total ?? file.size;
            const percent = total ? Math.min(100, Math.round((event.loaded / total) * 100)) : 0;
            subscriber.next({ type: 'progress', percent });
            if (total && event.loaded >= total) subscriber.next({ type: 'processing' });
          } else if (event.type === HttpEventType.Response) {
            subscriber.next({ type: 'done', body: event.body as T });
            subscriber.complete();
          }
        },
        error: (error: unknown) => subscriber.error(error),
      });
      return () => subscription.unsubscribe();
    });
  }
}
