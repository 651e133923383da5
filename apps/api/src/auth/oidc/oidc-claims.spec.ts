import { groupsIn, mappedRoles, profileFrom } from './oidc-claims';
import { OidcTransactionSealer } from './oidc-transaction';

const roleMap = [
  { group: 'olievlek-beheer', role: 'admin' as const },
  { group: 'olievlek-teams', role: 'team' as const },
  { group: 'olievlek-beheer', role: 'ambassador' as const },
];

describe('reading the roles claim', () => {
  it('reads an array, a single string or a dotted path, and ignores what is not text', () => {
    expect(groupsIn({ groups: ['a', 5, 'b', null] }, 'groups')).toEqual(['a', 'b']);
    expect(groupsIn({ groups: 'olievlek-beheer' }, 'groups')).toEqual(['olievlek-beheer']);
    expect(groupsIn({ realm_access: { roles: ['x'] } }, 'realm_access.roles')).toEqual(['x']);
    expect(groupsIn({ realm_access: ['x'] }, 'realm_access.roles')).toEqual([]);
    expect(groupsIn({}, 'groups')).toEqual([]);
    expect(groupsIn({ groups: '' }, 'groups')).toEqual([]);
  });

  it('maps groups to roles by exact value, each role once, in the order of ROLES', () => {
    expect(mappedRoles(['olievlek-teams', 'olievlek-beheer', 'olievlek-beheer'], roleMap)).toEqual([
      'admin',
      'ambassador',
      'team',
    ]);
    expect(mappedRoles(['Olievlek-Beheer', 'medewerkers'], roleMap)).toEqual([]);
  });
});

describe('reading the profile', () => {
  it('takes a verified e-mail address in lower case, the name and a known language', () => {
    expect(
      profileFrom(
        { email: ' Saskia@Gemeente.NL ', email_verified: true, name: 'Saskia', locale: 'en-GB' },
        true,
      ),
    ).toEqual({ email: 'saskia@gemeente.nl', name: 'Saskia', locale: 'en' });
  });

  it('drops an unverified address unless the operator trusts the provider', () => {
    const claims = {
      email: 'a@gemeente.nl',
      given_name: 'Ann',
      family_name: 'Jansen',
      locale: 'fr',
    };
    expect(profileFrom(claims, true)).toEqual({ email: null, name: 'Ann Jansen', locale: 'nl' });
    expect(profileFrom(claims, false).email).toBe('a@gemeente.nl');
    expect(profileFrom({ email: 'geen-adres', email_verified: true }, true).email).toBeNull();
  });
});

describe('the sealed transaction cookie', () => {
  const sealer = new OidcTransactionSealer('x'.repeat(40));
  const transaction = { state: 's', nonce: 'n', codeVerifier: 'v', expiresAt: Date.now() + 60_000 };

  it('opens what it sealed, and nothing else', () => {
    const sealed = sealer.seal(transaction);
    expect(sealer.open(sealed)).toEqual(transaction);
    const bytes = Buffer.from(sealed, 'base64url');
    bytes[bytes.length - 1] ^= 1;
    expect(sealer.open(bytes.toString('base64url'))).toBeNull();
    expect(new OidcTransactionSealer('y'.repeat(40)).open(sealed)).toBeNull();
    expect(sealer.open(undefined)).toBeNull();
    expect(sealer.open('kapot')).toBeNull();
  });

  it('refuses an expired transaction', () => {
    const sealed = sealer.seal(transaction);
    expect(sealer.open(sealed, transaction.expiresAt)).toBeNull();
  });
});
