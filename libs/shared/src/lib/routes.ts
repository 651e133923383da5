/** Paths of the API, relative to the origin. The client builds no URL by hand. */
export const API = {
  health: '/api/health',
  login: '/api/auth/login',
  logout: '/api/auth/logout',
  me: '/api/auth/me',
  orgUnits: '/api/org-units',
  orgUnit: (id: string) => `/api/org-units/${encodeURIComponent(id)}`,
  orgUnitArchive: (id: string) => `/api/org-units/${encodeURIComponent(id)}/archive`,
  orgUnitRestore: (id: string) => `/api/org-units/${encodeURIComponent(id)}/restore`,
  users: '/api/users',
  user: (id: string) => `/api/users/${encodeURIComponent(id)}`,
} as const;

export const CSRF_COOKIE = 'XSRF-TOKEN';
export const CSRF_HEADER = 'X-XSRF-TOKEN';
export const SESSION_COOKIE = 'olievlek_session';
