import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  API,
  CreateOrgUnitRequest,
  CreateUserRequest,
  OrgUnitDto,
  UpdateOrgUnitRequest,
  UpdateUserRequest,
  UserDto,
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
  archiveOrgUnit(unit: OrgUnitDto): Promise<OrgUnitDto> {
    return firstValueFrom(
      this.http.post<OrgUnitDto>(API.orgUnitArchive(unit.id), { version: unit.version }),
    );
  }
  restoreOrgUnit(unit: OrgUnitDto): Promise<OrgUnitDto> {
    return firstValueFrom(
      this.http.post<OrgUnitDto>(API.orgUnitRestore(unit.id), { version: unit.version }),
    );
  }
  users(): Promise<UserDto[]> {
    return firstValueFrom(this.http.get<UserDto[]>(API.users));
  }
  createUser(body: CreateUserRequest): Promise<UserDto> {
    return firstValueFrom(this.http.post<UserDto>(API.users, body));
  }
  updateUser(id: string, body: UpdateUserRequest): Promise<UserDto> {
    return firstValueFrom(this.http.patch<UserDto>(API.user(id), body));
  }
}
