import { DEMO_PASSWORD } from '../demo/demo-password';
import { passwordProblem } from './password-policy';

describe('password rule (issue 20, finding 8; ASVS 6.2)', () => {
  it.each([
    ['            ', 'PASSWORD_BLANK'],
    ['\t\t\t\t  \n   \u00a0  ', 'PASSWORD_BLANK'],
    ['aaaaaaaaaaaa', 'PASSWORD_REPETITIVE'],
    ['abcabcabcabc', 'PASSWORD_REPETITIVE'],
    ['abcdefghijklmnop', 'PASSWORD_REPETITIVE'],
    ['zyxwvutsrqpo', 'PASSWORD_REPETITIVE'],
    ['123456789012', 'PASSWORD_TOO_COMMON'],
    ['password1234', 'PASSWORD_TOO_COMMON'],
    ['qwertyuiop12', 'PASSWORD_TOO_COMMON'],
    ['Welkom123456', 'PASSWORD_TOO_COMMON'],
    ['Amsterdam2026', 'PASSWORD_TOO_COMMON'],
    [DEMO_PASSWORD, 'PASSWORD_TOO_COMMON'],
    ['Olievlek2026!', 'PASSWORD_TOO_COMMON'],
  ])('refuses %j with %s', (password, problem) => {
    expect(passwordProblem(password)).toBe(problem);
  });

  it('refuses a password made of the person’s own e-mail or name', () => {
    expect(
      passwordProblem('janneke.devries', ['janneke.devries@gemeente.nl', 'Janneke de Vries']),
    ).toBe('PASSWORD_TOO_COMMON');
  });

  it.each(['Zomer-fiets-42-brug', 'correct horse battery', 'bla!X9#kq2Lm', 'tulp vijver lantaarn'])(
    'accepts %j',
    (password) => {
      expect(passwordProblem(password, ['anna@voorbeeldstad.example', 'Anna Jansen'])).toBeNull();
    },
  );
});
