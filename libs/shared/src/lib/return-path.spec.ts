import { safeReturnPath } from './return-path';

describe('safeReturnPath', () => {
  it.each([
    ['/bord?stap=12', '/bord?stap=12'],
    ['/casussen/7', '/casussen/7'],
    ['/', '/'],
    ['/olievlek?peildatum=2026-12-03#kaart', '/olievlek?peildatum=2026-12-03#kaart'],
    ['/casussen/../bord', '/bord'],
  ])('accepts the path of this app %s', (raw, expected) => {
    expect(safeReturnPath(raw)).toBe(expected);
  });

  it.each([
    ['an absolute URL', 'https://evil.example/bord'],
    ['an absolute URL without slashes', 'http:evil.example'],
    ['a protocol-relative URL', '//evil.example'],
    ['a backslash that browsers read as a slash', '/\\evil.example'],
    ['a backslash further on', '/bord\\..\\evil'],
    ['a script', 'javascript:alert(1)'],
    ['a script behind a slash', ' /javascript:alert(1)'],
    ['a data URL', 'data:text/html,<script>alert(1)</script>'],
    ['a tab that browsers strip', '/\t/evil.example'],
    ['a newline', '/bord\n'],
    ['a control character', '/bord\u0000'],
    ['a relative path without a slash', 'bord'],
    ['an empty string', ''],
    ['the sign-in page itself', '/inloggen'],
    ['the sign-in page with a query', '/inloggen?terug=/bord'],
    ['an API endpoint', '/api/auth/logout'],
    ['something longer than any path', `/${'a'.repeat(1000)}`],
  ])('refuses %s', (_name, raw) => {
    expect(safeReturnPath(raw)).toBeNull();
  });

  it('refuses what is not a string', () => {
    expect(safeReturnPath(undefined)).toBeNull();
    expect(safeReturnPath(null)).toBeNull();
    expect(safeReturnPath(['/bord'])).toBeNull();
  });
});
