import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  API,
  AttendanceMarkDto,
  CadenceDto,
  ForumDto,
  ForumKindDto,
  ForumSummaryDto,
  HoudVolEntryDto,
  MeetingDto,
  OrgUnitDto,
} from '@olievlek/shared';
import { firstValueFrom } from 'rxjs';

export interface NewForum {
  kind: ForumKindDto;
  name: string;
  purpose: string;
  cadence: CadenceDto;
  startDate: string;
}

export interface MeetingChange {
  version: number;
  minutes?: string;
  tips?: string;
}

/** The forums' endpoints (docs/design.md §Between teams), typed by the shared contracts. */
@Injectable({ providedIn: 'root' })
export class ForumsApi {
  private readonly http = inject(HttpClient);

  list(): Promise<ForumSummaryDto[]> {
    return firstValueFrom(this.http.get<ForumSummaryDto[]>(API.forums));
  }
  houdVol(): Promise<HoudVolEntryDto[]> {
    return firstValueFrom(this.http.get<HoudVolEntryDto[]>(API.forumsHoudVol));
  }
  get(id: string): Promise<ForumDto> {
    return firstValueFrom(this.http.get<ForumDto>(API.forum(id)));
  }
  create(body: NewForum): Promise<ForumDto> {
    return firstValueFrom(this.http.post<ForumDto>(API.forums, body));
  }
  addMember(forumId: string, teamId: string): Promise<ForumDto> {
    return firstValueFrom(this.http.post<ForumDto>(API.forumMembers(forumId), { teamId }));
  }
  planMeeting(forumId: string, date: string): Promise<MeetingDto> {
    return firstValueFrom(this.http.post<MeetingDto>(API.forumMeetings(forumId), { date }));
  }
  updateMeeting(id: string, change: MeetingChange): Promise<MeetingDto> {
    return firstValueFrom(this.http.patch<MeetingDto>(API.meeting(id), change));
  }
  setAttendance(meetingId: string, teamId: string, mark: AttendanceMarkDto): Promise<MeetingDto> {
    return firstValueFrom(
      this.http.put<MeetingDto>(API.meetingAttendance(meetingId, teamId), { mark }),
    );
  }
  /** Active teams, for adding one to a forum (admins and ambassadors read them all). */
  async teams(): Promise<OrgUnitDto[]> {
    const units = await firstValueFrom(this.http.get<OrgUnitDto[]>(API.orgUnits));
    return units.filter((u) => u.kind === 'team' && !u.archivedAt);
  }
  /** Download links: a full-page navigation, so the browser saves the file. */
  forumIcsUrl(id: string): string {
    return API.forumIcs(id);
  }
  meetingIcsUrl(id: string): string {
    return API.meetingIcs(id);
  }
}
