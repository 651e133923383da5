/** Paths of the API, relative to the origin. The client builds no URL by hand. */
export const API = {
  health: '/api/health',
  login: '/api/auth/login',
  logout: '/api/auth/logout',
  me: '/api/auth/me',
  authMethods: '/api/auth/methods',
  /** A full-page navigation, not an XHR: it redirects to the SSO provider. */
  ssoStart: '/api/auth/oidc/start',
  orgUnits: '/api/org-units',
  orgUnit: (id: string) => `/api/org-units/${encodeURIComponent(id)}`,
  orgUnitArchive: (id: string) => `/api/org-units/${encodeURIComponent(id)}/archive`,
  orgUnitRestore: (id: string) => `/api/org-units/${encodeURIComponent(id)}/restore`,
  practices: '/api/practices',
  practice: (id: string) => `/api/practices/${encodeURIComponent(id)}`,
  practiceRetire: (id: string) => `/api/practices/${encodeURIComponent(id)}/retire`,
  themes: '/api/themes',
  cases: '/api/cases',
  caseload: '/api/cases/caseload',
  openCaseTeams: '/api/cases/open-teams',
  ambassadors: '/api/cases/ambassadors',
  caseAmbassador: (id: string, userId: string) =>
    `/api/cases/${encodeURIComponent(id)}/ambassadors/${encodeURIComponent(userId)}`,
  case: (id: string) => `/api/cases/${encodeURIComponent(id)}`,
  caseClose: (id: string) => `/api/cases/${encodeURIComponent(id)}/close`,
  caseReopen: (id: string) => `/api/cases/${encodeURIComponent(id)}/reopen`,
  caseAmbassadors: (id: string) => `/api/cases/${encodeURIComponent(id)}/ambassadors`,
  caseIntake: (id: string) => `/api/cases/${encodeURIComponent(id)}/intake`,
  caseIntakeRevisions: (id: string) => `/api/cases/${encodeURIComponent(id)}/intake/revisions`,
  caseObservations: (id: string) => `/api/cases/${encodeURIComponent(id)}/observations`,
  caseAgreements: (id: string) => `/api/cases/${encodeURIComponent(id)}/agreements`,
  forums: '/api/forums',
  forumsHoudVol: '/api/forums/houd-vol',
  forum: (id: string) => `/api/forums/${encodeURIComponent(id)}`,
  forumIcs: (id: string) => `/api/forums/${encodeURIComponent(id)}/ics`,
  forumMembers: (id: string) => `/api/forums/${encodeURIComponent(id)}/members`,
  forumMeetings: (id: string) => `/api/forums/${encodeURIComponent(id)}/meetings`,
  meeting: (id: string) => `/api/meetings/${encodeURIComponent(id)}`,
  meetingIcs: (id: string) => `/api/meetings/${encodeURIComponent(id)}/ics`,
  meetingAttendance: (id: string, teamId: string) =>
    `/api/meetings/${encodeURIComponent(id)}/attendance/${encodeURIComponent(teamId)}`,
  agreement: (id: string) => `/api/agreements/${encodeURIComponent(id)}`,
  agreementStatus: (id: string) => `/api/agreements/${encodeURIComponent(id)}/status`,
  agreementMeasures: (id: string) => `/api/agreements/${encodeURIComponent(id)}/measures`,
  measure: (id: string) => `/api/measures/${encodeURIComponent(id)}`,
  measureValue: (id: string, date: string) =>
    `/api/measures/${encodeURIComponent(id)}/values/${encodeURIComponent(date)}`,
  board: '/api/board',
  checkOff: (agreementId: string, periodKey: string) =>
    `/api/agreements/${encodeURIComponent(agreementId)}/check-offs/${encodeURIComponent(periodKey)}`,
  reflection: (agreementId: string, periodKey: string) =>
    `/api/agreements/${encodeURIComponent(agreementId)}/reflections/${encodeURIComponent(periodKey)}`,
  pulseRounds: '/api/pulse-rounds',
  pulseQuestions: '/api/pulse-questions',
  pulseQuestion: (id: string) => `/api/pulse-questions/${encodeURIComponent(id)}`,
  pulseAnswers: (roundId: string) => `/api/pulse-rounds/${encodeURIComponent(roundId)}/answers`,
  pulseClose: (roundId: string) => `/api/pulse-rounds/${encodeURIComponent(roundId)}/close`,
  audit: '/api/audit',
  auditActions: '/api/audit/actions',
  auditExport: '/api/audit/export',
  users: '/api/users',
  user: (id: string) => `/api/users/${encodeURIComponent(id)}`,
  userDataExport: (id: string, format: 'json' | 'html' = 'json') =>
    `/api/users/${encodeURIComponent(id)}/data-export?format=${format}`,
  userAnonymise: (id: string) => `/api/users/${encodeURIComponent(id)}/anonymise`,
  retentionRun: '/api/admin/retention/run',
} as const;

export const CSRF_COOKIE = 'XSRF-TOKEN';
export const CSRF_HEADER = 'X-XSRF-TOKEN';
export const SESSION_COOKIE = 'olievlek_session';
