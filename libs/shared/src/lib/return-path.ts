/** The query parameter of the sign-in page that says where to go after signing in. */
export const RETURN_PARAM = 'terug';

/** Longer than any path of the app; a longer value is not a link someone followed. */
const MAX_RETURN_PATH = 1000;

/** The sign-in page (a loop) and the API (not a page) are no destination after signing in. */
const NOT_A_DESTINATION = /^\/(inloggen(?:[?#]|$)|api\/)/;

/**
 * A return target after sign-in, or null when it is not a path of this app. Only same-origin
 * relative paths pass: `/bord?stap=12`. Refused: absolute URLs (`https://evil`), protocol-relative
 * ones (`//evil`, and `/\evil`, which browsers read the same way), schemes (`javascript:`),
 * control characters and white space (which browsers strip, turning `/\t/evil` into `//evil`),
 * and the sign-in page itself. The client and the API's SSO endpoints use this one rule.
 */
export function safeReturnPath(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_RETURN_PATH) return null;
  if (!raw.startsWith('/') || raw.startsWith('//')) return null;
  // Backslashes count as slashes in browsers; control characters and spaces are stripped or
  // percent-encoded by them. None belongs in a link of this app.
  // eslint-disable-next-line no-control-regex
  if (/[\\\u0000-\u0020\u007f-\u009f]/.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw, 'http://olievlek.invalid');
  } catch {
    return null;
  }
  if (url.origin !== 'http://olievlek.invalid') return null;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return NOT_A_DESTINATION.test(path) ? null : path;
}
