import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  AnonymiseUserResultDto,
  API,
  CreateOrgUnitRequest,
  DataExportDto,
  CreateUserRequest,
  OrgUnitDto,
  UpdateOrgUnitRequest,
  UpdateUserRequest,
  UserDto,
  UserListQuery,
} from '@olievlek/shared';
import { firstValueFrom } from 'rxjs';

/** The organisation and user endpoints, typed by the shared contracts. */
@Injectable({ providedIn: 'root' })
export class AdminApi {
  private readonly http = inject(HttpClient);

  orgUnits(includeArchived = false): Promise<OrgUnitDto[]> {
    return firstValueFrom(
      this.http.get<OrgUnitDto[]>(API.orgUnits, { params: { includeArchived } }),
    );
  }
  createOrgUnit(body: CreateOrgUnitRequest): Promise<OrgUnitDto> {
    return firstValueFrom(this.http.post<OrgUnitDto>(API.orgUnits, body));
  }
  updateOrgUnit(id: string, body: UpdateOrgUnitRequest): Promise<OrgUnitDto> {
    return firstValueFrom(this.http.patch<OrgUnitDto>(API.orgUnit(id), body));
  }
  /** `confirmOpenCase`: after the warning that the team has an open case. */
  archiveOrgUnit(unit: OrgUnitDto, confirmOpenCase = false): Promise<OrgUnitDto> {
    return firstValueFrom(
      this.http.post<OrgUnitDto>(API.orgUnitArchive(unit.id), {
        version: unit.version,
        ...(confirmOpenCase ? { confirmOpenCase } : {}),
      }),
    );
  }
  restoreOrgUnit(unit: OrgUnitDto): Promise<OrgUnitDto> {
    return firstValueFrom(
      this.http.post<OrgUnitDto>(API.orgUnitRestore(unit.id), { version: unit.version }),
    );
  }
  /** Filtered on the server; empty filters are left out of the URL. */
  users(query: UserListQuery = {}): Promise<UserDto[]> {
    const params = Object.fromEntries(Object.entries(query).filter(([, v]) => !!v)) as Record<
      string,
      string
    >;
    return firstValueFrom(this.http.get<UserDto[]>(API.users, { params }));
  }
  createUser(body: CreateUserRequest): Promise<UserDto> {
    return firstValueFrom(this.http.post<UserDto>(API.users, body));
  }
  updateUser(id: string, body: UpdateUserRequest): Promise<UserDto> {
    return firstValueFrom(this.http.patch<UserDto>(API.user(id), body));
  }
  /** Everything held about the person (AVG access request); the server audits each export. */
  dataExport(id: string): Promise<DataExportDto> {
    return firstValueFrom(this.http.get<DataExportDto>(API.userDataExport(id, 'json')));
  }
  /** The printable page of the same export, opened by the browser itself. */
  dataExportPageUrl(id: string): string {
    return API.userDataExport(id, 'html');
  }
  anonymiseUser(user: UserDto): Promise<AnonymiseUserResultDto> {
    return firstValueFrom(
      this.http.post<AnonymiseUserResultDto>(API.userAnonymise(user.id), {
        version: user.version,
        confirm: true,
      }),
    );
  }
}
