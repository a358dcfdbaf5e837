// The local stack's OpenID Connect provider: oidc-provider (npm, pinned in package.json and its lock
// file), started by cn.lanzhou.epidemic.local.OidcProvider as dynalite is. In memory: fresh signing
// keys, sessions and codes at every start.
//   node oidc.mjs --port P --redirect-uri URI [--redirect-uri URI ...]
// The staff console's public client (PKCE required), three test staff members with their groups in
// the ID token as cognito:groups (what the JWT authorizer's default STAFF_GROUPS_CLAIM reads), and a
// minimal login page of its own (no script, no external resource).
import { generateKeyPairSync, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import Provider from 'oidc-provider';

export const CLIENT_ID = 'staff-console-local';
export const PASSWORD = 'password';
export const USERS = {
  'staff-local': { name: '本地工作人员', groups: ['staff'] },
  'tracer-local': { name: '本地流调人员', groups: ['staff', 'tracer'] },
  'admin-local': { name: '本地管理员', groups: ['staff', 'admin'] },
};

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    'redirect-uri': { type: 'string', multiple: true, default: [] },
  },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port <= 0 || values['redirect-uri'].length === 0) {
  console.error('usage: node oidc.mjs --port P --redirect-uri URI [--redirect-uri URI ...]');
  process.exit(2);
}
const issuer = `http://127.0.0.1:${port}`;

function signingKey(type, options, alg) {
  const { privateKey } = generateKeyPairSync(type, options);
  return { ...privateKey.export({ format: 'jwk' }), kid: `${alg.toLowerCase()}-${randomUUID()}`, alg, use: 'sig' };
}

const provider = new Provider(issuer, {
  clients: [{
    client_id: CLIENT_ID,
    client_name: '工作人员后台（本地）',
    application_type: 'web',
    token_endpoint_auth_method: 'none',
    grant_types: ['authorization_code'],
    response_types: ['code'],
    redirect_uris: values['redirect-uri'],
    post_logout_redirect_uris: values['redirect-uri'],
  }],
  // RS256 first: the ID token's default, as Cognito signs; ES256 on request
  jwks: { keys: [signingKey('rsa', { modulusLength: 2048 }, 'RS256'), signingKey('ec', { namedCurve: 'P-256' }, 'ES256')] },
  enabledJWA: { idTokenSigningAlgValues: ['RS256', 'ES256'] },
  cookies: { keys: [randomBytes(32).toString('base64url')] },
  responseTypes: ['code'],
  pkce: { required: () => true },
  scopes: ['openid', 'email', 'profile'],
  claims: {
    openid: ['sub', 'cognito:groups', 'cognito:username'],
    email: ['email', 'email_verified'],
    profile: ['name'],
  },
  // every granted claim in the ID token, as Cognito's ID token carries them: the console sends it
  conformIdTokenClaims: false,
  features: {
    devInteractions: { enabled: false },
    rpInitiatedLogout: { enabled: true, logoutSource },
  },
  ttl: { IdToken: 3600, AccessToken: 3600, Session: 12 * 3600, Grant: 12 * 3600, Interaction: 600, AuthorizationCode: 60 },
  async findAccount(ctx, id) {
    const user = USERS[id];
    if (!user) return undefined;
    return {
      accountId: id,
      async claims() {
        return {
          sub: id,
          'cognito:username': id,
          'cognito:groups': user.groups,
          name: user.name,
          email: `${id}@example.gov.cn`,
          email_verified: true,
        };
      },
    };
  },
  // the staff console is first-party: no consent screen
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid email profile');
    await grant.save();
    return grant;
  },
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  async renderError(ctx, out) {
    ctx.type = 'html';
    ctx.body = page('登录出错 / Sign-in error', `<p>${escape(out.error)}: ${escape(out.error_description || '')}</p>`);
  },
});
// a loopback issuer over plain HTTP: nothing to trust from proxies
provider.proxy = false;

async function logoutSource(ctx, form) {
  ctx.body = page('退出登录 / Sign out', `${form}
    <p>确定退出本地身份认证？/ Sign out of the local provider?</p>
    <button id="logout-yes" type="submit" form="op.logoutForm" value="yes" name="logout">退出 / Sign out</button>
    <button id="logout-no" type="submit" form="op.logoutForm">取消 / Stay signed in</button>`);
}

function escape(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title, body) {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title></head>
<body><main><h1>${escape(title)}</h1>${body}</main></body></html>`;
}

function loginPage(uid, message) {
  return page('本地身份认证 / Local sign-in', `
    ${message ? `<p id="login-error" role="alert">${escape(message)}</p>` : ''}
    <form method="post" action="/interaction/${escape(uid)}/login">
      <p><label for="username">用户名 / User</label> <input id="username" name="username" autocomplete="username" required></p>
      <p><label for="password">密码 / Password</label> <input id="password" name="password" type="password" autocomplete="current-password" required></p>
      <p><button id="login" type="submit">登录 / Sign in</button></p>
    </form>
    <p>本地测试账号 / Local test users: ${Object.keys(USERS).map(escape).join(', ')}（密码 / password: ${PASSWORD}）</p>`);
}

function passwordMatches(given) {
  const a = Buffer.from(String(given));
  const b = Buffer.from(PASSWORD);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readForm(req) {
  let body = '';
  for await (const chunk of req) {
    body += chunk;
    if (body.length > 10_000) throw new Error('form too large');
  }
  return new URLSearchParams(body);
}

async function interaction(req, res, uid, action) {
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid) throw new Error('interaction mismatch');
  const html = (status, text) => {
    res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store',
      // no form-action: it would also govern the redirects after the post, back to the staff console
      'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'" });
    res.end(text);
  };
  if (details.prompt.name !== 'login') {
    // consent is granted by loadExistingGrant; anything else is not expected from this client
    return provider.interactionFinished(req, res, {}, { mergeWithLastSubmission: true });
  }
  if (req.method === 'GET' && !action) return html(200, loginPage(uid));
  if (req.method === 'POST' && action === 'login') {
    const form = await readForm(req);
    const username = form.get('username')?.trim() ?? '';
    if (!Object.hasOwn(USERS, username) || !passwordMatches(form.get('password') ?? '')) {
      return html(200, loginPage(uid, '用户名或密码不正确 / Wrong user or password'));
    }
    return provider.interactionFinished(req, res, { login: { accountId: username } }, { mergeWithLastSubmission: false });
  }
  res.writeHead(405).end();
}

const callback = provider.callback();
createServer(async (req, res) => {
  const match = /^\/interaction\/([\w-]+)(?:\/(login))?$/.exec(new URL(req.url, issuer).pathname);
  if (!match) return callback(req, res);
  try {
    await interaction(req, res, match[1], match[2]);
  } catch (err) {
    if (!res.headersSent) res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('登录会话无效，请从工作人员后台重新登录 / This sign-in has expired; start again from the staff console');
  }
}).listen(port, '127.0.0.1', () => console.log(`oidc-provider ${issuer}`));
