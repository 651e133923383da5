import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { API } from '@olievlek/shared';
import type {
  CreateMeasureRequest,
  MeasureDto,
  PutMeasureValueRequest,
  UpdateMeasureRequest,
} from '@olievlek/shared';
import { firstValueFrom } from 'rxjs';

/** The measures endpoints (issue 16), typed by the shared contracts. */
@Injectable({ providedIn: 'root' })
export class MeasuresApi {
  private readonly http = inject(HttpClient);

  list(agreementId: string): Promise<MeasureDto[]> {
    return firstValueFrom(this.http.get<MeasureDto[]>(API.agreementMeasures(agreementId)));
  }
  create(agreementId: string, body: CreateMeasureRequest): Promise<MeasureDto> {
    return firstValueFrom(this.http.post<MeasureDto>(API.agreementMeasures(agreementId), body));
  }
  update(id: string, body: UpdateMeasureRequest): Promise<MeasureDto> {
    return firstValueFrom(this.http.patch<MeasureDto>(API.measure(id), body));
  }
  putValue(id: string, date: string, body: PutMeasureValueRequest): Promise<MeasureDto> {
    return firstValueFrom(this.http.put<MeasureDto>(API.measureValue(id, date), body));
  }
  removeValue(id: string, date: string, version: number): Promise<MeasureDto> {
    return firstValueFrom(
      this.http.delete<MeasureDto>(API.measureValue(id, date), { params: { version } }),
    );
  }
}
