// A real OpenID Connect provider on loopback for the SSO tests (oidc-provider, ESM only, so it runs
// as its own process). Not for production: fixed test accounts, in-memory storage.
//
//   node tools/scripts/oidc-test-provider.mjs
//
// Environment:
//   OIDC_TEST_PORT           port to listen on (default 0: any free port)
//   OIDC_TEST_REDIRECT_URIS  comma-separated redirect URIs of the one client (required)
//
// When ready it prints one JSON line: {"issuer":"http://127.0.0.1:PORT"}. The client is
// `olievlek` / `olievlek-test-secret` (client_secret_basic, code flow with PKCE S256). Every
// account's password is `wachtwoord`. The `groups` scope carries the `groups` claim.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import Provider from 'oidc-provider';

export const CLIENT_ID = 'olievlek';
export const CLIENT_SECRET = 'olievlek-test-secret';
export const PASSWORD = 'wachtwoord';

/**
 * The test accounts. `codeTtl` (seconds) shortens the life of the authorization codes issued to
 * that account, so a test can present an expired code without waiting a minute.
 */
const ACCOUNTS = {
  beheer: {
    email: 'sso.beheerder@voorbeeldstad.example',
    email_verified: true,
    name: 'Saskia Beheer',
    groups: ['olievlek-beheer', 'medewerkers'],
  },
  ambassadeur: {
    // The demo ambassador's address: the first SSO sign-in links to that existing account.
    email: 'ambassadeur@voorbeeldstad.example',
    email_verified: true,
    name: 'Aisha Ambassadeur (SSO)',
    groups: ['olievlek-ambassadeurs'],
  },
  teamlid: {
    email: 'sso.teamlid@voorbeeldstad.example',
    email_verified: true,
    name: 'Tom Teamlid',
    locale: 'en-GB',
    groups: ['olievlek-teams', 'medewerkers'],
  },
  zonderrol: {
    email: 'zonder.rol@voorbeeldstad.example',
    email_verified: true,
    name: 'Zoë Zonder Rol',
    groups: ['medewerkers'],
  },
  onbevestigd: {
    email: 'onbevestigd@voorbeeldstad.example',
    email_verified: false,
    name: 'Otto Onbevestigd',
    groups: ['olievlek-ambassadeurs'],
  },
  traag: {
    email: 'traag@voorbeeldstad.example',
    email_verified: true,
    name: 'Tessa Traag',
    groups: ['olievlek-ambassadeurs'],
    codeTtl: 3,
  },
};

const redirectUris = (process.env.OIDC_TEST_REDIRECT_URIS ?? '')
  .split(',')
  .map((u) => u.trim())
  .filter(Boolean);
if (!redirectUris.length) {
  console.error('oidc-test-provider: set OIDC_TEST_REDIRECT_URIS to the client redirect URI(s).');
  process.exit(2);
}

const escapeHtml = (s) =>
  String(s).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c],
  );

function loginPage(uid, error, login = '') {
  return `<!doctype html>
<html lang="nl">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Inloggen bij de test-identiteitsprovider</title></head>
<body>
<main>
<h1>Test-identiteitsprovider</h1>
${error ? `<p role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/interaction/${escapeHtml(uid)}/login">
<p><label for="login">Gebruikersnaam</label><br><input id="login" name="login" autocomplete="username" value="${escapeHtml(login)}" required></p>
<p><label for="password">Wachtwoord</label><br><input id="password" name="password" type="password" autocomplete="current-password" required></p>
<p><button type="submit">Aanmelden</button></p>
</form>
<form method="post" action="/interaction/${escapeHtml(uid)}/abort"><p><button type="submit">Annuleren</button></p></form>
</main>
</body>
</html>`;
}

async function readForm(req) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > 10_000) throw new Error('form too large');
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

const server = createServer();
server.listen(Number(process.env.OIDC_TEST_PORT ?? 0), '127.0.0.1', () => {
  const { port } = server.address();
  const issuer = `http://127.0.0.1:${port}`;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = {
    ...privateKey.export({ format: 'jwk' }),
    kid: 'test-key',
    use: 'sig',
    alg: 'RS256',
  };

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: redirectUris,
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    scopes: ['openid', 'email', 'profile', 'groups'],
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'locale'],
      groups: ['groups'],
    },
    features: { devInteractions: { enabled: false } },
    pkce: { required: () => true },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    ttl: {
      AuthorizationCode: (_ctx, code) => ACCOUNTS[code.accountId]?.codeTtl ?? 60,
      AccessToken: 600,
      IdToken: 600,
      Grant: 3600,
      Interaction: 600,
      Session: 3600,
    },
    async findAccount(_ctx, id) {
      const account = ACCOUNTS[id];
      if (!account) return undefined;
      return {
        accountId: id,
        async claims() {
          const claims = { ...account };
          delete claims.codeTtl;
          return { sub: id, ...claims };
        },
      };
    },
    // A first-party client: consent is implied, so the only screen is the sign-in form.
    async loadExistingGrant(ctx) {
      const grantId =
        ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client.clientId,
        accountId: ctx.oidc.session.accountId,
      });
      grant.addOIDCScope('openid email profile groups');
      await grant.save();
      return grant;
    },
  });

  const handleProvider = provider.callback();
  server.on('request', async (req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    const match = /^\/interaction\/([^/]+)(?:\/(login|abort))?$/.exec(url.pathname);
    if (!match) return handleProvider(req, res);
    try {
      const details = await provider.interactionDetails(req, res);
      const send = (status, html) => {
        res.writeHead(status, {
          'content-type': 'text/html; charset=utf-8',
          'cache-control': 'no-store',
        });
        res.end(html);
      };
      if (req.method === 'GET' && !match[2]) return send(200, loginPage(details.uid));
      if (req.method === 'POST' && match[2] === 'abort') {
        return provider.interactionFinished(
          req,
          res,
          { error: 'access_denied', error_description: 'The user cancelled the sign-in.' },
          { mergeWithLastSubmission: false },
        );
      }
      if (req.method === 'POST' && match[2] === 'login') {
        const form = await readForm(req);
        const login = form.get('login') ?? '';
        if (!ACCOUNTS[login] || form.get('password') !== PASSWORD) {
          return send(
            200,
            loginPage(details.uid, 'Onbekende gebruikersnaam of wachtwoord.', login),
          );
        }
        return provider.interactionFinished(
          req,
          res,
          { login: { accountId: login } },
          { mergeWithLastSubmission: false },
        );
      }
      send(405, 'Method not allowed');
    } catch (error) {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`Sign-in could not continue: ${error.message}`);
    }
  });

  console.log(JSON.stringify({ issuer }));
});

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(0));
