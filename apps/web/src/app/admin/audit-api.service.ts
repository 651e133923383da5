import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  API,
  AuditCsvDelimiter,
  AuditPageDto,
  AuditPageQuery,
  AuditQuery,
  Locale,
} from '@olievlek/shared';
import { firstValueFrom } from 'rxjs';

/** Only the filters that are set: an empty field means "no filter", not "empty". */
function params(query: AuditPageQuery): Record<string, string> {
  return Object.fromEntries(
    Object.entries(query)
      .filter(([, v]) => v !== undefined && v !== null && v !== '')
      .map(([k, v]) => [k, String(v)]),
  );
}

/** The audit log endpoints (admins only), typed by the shared contracts. */
@Injectable({ providedIn: 'root' })
export class AuditApi {
  private readonly http = inject(HttpClient);

  page(query: AuditPageQuery): Promise<AuditPageDto> {
    return firstValueFrom(this.http.get<AuditPageDto>(API.audit, { params: params(query) }));
  }

  actions(): Promise<string[]> {
    return firstValueFrom(this.http.get<string[]>(API.auditActions));
  }

  /** A plain link downloads the file: the browser streams it, and sends the session cookie. */
  /** Dutch readers get semicolons and Dutch column names; the values are the same. */
  exportUrl(query: AuditQuery, delimiter: AuditCsvDelimiter, language: Locale): string {
    const search = new HttpParams({
      fromObject: { ...params(query), format: 'csv', delimiter, language },
    });
    return `${API.auditExport}?${search.toString()}`;
  }
}
