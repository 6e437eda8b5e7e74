import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import express, { type Request, type Response } from 'express';
import { ROLES, signDevToken, type Role } from '../runtime';

/**
 * Development tokens from the explorer page, so GraphiQL works without a terminal: the page lists
 * the seeded partners and the roles, and POST /explorer/dev-token mints what `npm run token` would.
 * The composition root passes these options only outside production and only while the gateway
 * verifies HS256 tokens with the development secret; without them the endpoint refuses.
 */
export interface ExplorerDevTokens {
  /** The development HS256 secret the gateway verifies tokens with. */
  secret: string;
  issuer?: string;
  audience?: string;
  /** Whom a token may be minted for: the seeded partners. */
  partners: ReadonlyArray<{ id: string; name: string }>;
}

export interface ExplorerOptions {
  devTokens?: ExplorerDevTokens;
}

const DEV_TOKEN_PATH = '/explorer/dev-token';
const DEV_TOKEN_LIFETIME = '8h';

/**
 * Where each file the explorer page may load comes from: a pinned package (see package.json) or
 * gateway/explorer/. This map is the allowlist: no other file is served under /explorer/assets.
 */
const ASSET_SOURCES = {
  'react.production.min.js': { package: 'react', file: 'umd/react.production.min.js' },
  'react-dom.production.min.js': { package: 'react-dom', file: 'umd/react-dom.production.min.js' },
  'graphiql.min.js': { package: 'graphiql', file: 'graphiql.min.js' },
  'graphiql.min.css': { package: 'graphiql', file: 'graphiql.min.css' },
  // Named by the sourceMappingURL comments of the two files above; fetched only by browser devtools.
  'graphiql.min.js.map': { package: 'graphiql', file: 'graphiql.min.js.map' },
  'graphiql.min.css.map': { package: 'graphiql', file: 'graphiql.min.css.map' },
  'explorer.css': { package: null, file: 'explorer.css' },
  'explorer.js': { package: null, file: 'explorer.js' },
} as const;

type AssetName = keyof typeof ASSET_SOURCES;

const EXPLORER_ASSETS_PATH = '/explorer/assets';

/**
 * Scripts only from this origin (no inline script: the bootstrap is explorer.js); inline styles
 * because GraphiQL and CodeMirror set style attributes; data: fonts because graphiql.min.css embeds
 * its fonts; requests only to this origin's /graphql.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

function assetPath(name: AssetName): string {
  const source = ASSET_SOURCES[name];
  const root = source.package
    ? path.dirname(require.resolve(`${source.package}/package.json`))
    : path.join(__dirname, 'explorer');
  const resolved = path.join(root, source.file);
  if (!existsSync(resolved)) {
    throw new Error(
      `explorer asset ${name}: expected ${source.file} in ${source.package ?? 'gateway/explorer'}, ` +
        `found nothing at ${resolved}; run npm install`,
    );
  }
  return resolved;
}

/**
 * A hash of every asset's content, put in the asset URLs: assets can then be cached for a year
 * and a new GraphiQL or explorer.js still reaches browsers at once, since the page (never cached)
 * names the new URLs.
 */
function assetsVersion(paths: ReadonlyMap<AssetName, string>): string {
  const hash = createHash('sha256');
  for (const [name, file] of paths) hash.update(name).update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** The partner and role pickers above GraphiQL; nothing when development tokens are off. */
function devTokenForm(devTokens: ExplorerDevTokens | undefined): string {
  if (!devTokens) return '';
  const option = (value: string, label: string) =>
    `<option value="${escapeHtml(value)}">${escapeHtml(label)}</option>`;
  return `<form id="dev-token">
      <label>Partner <select name="partnerId">${devTokens.partners
        .map((partner) => option(partner.id, `${partner.id} ${partner.name}`))
        .join('')}</select></label>
      <label>Role <select name="role">${ROLES.map((role) => option(role, role)).join('')}</select></label>
      <button type="submit">Get a development token</button>
      <output name="status"></output>
    </form>
    `;
}

function explorerPage(assetUrl: (name: AssetName) => string, devTokens?: ExplorerDevTokens): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>partner-graph explorer</title>
    <link rel="stylesheet" href="${assetUrl('graphiql.min.css')}" />
    <link rel="stylesheet" href="${assetUrl('explorer.css')}" />
    <script defer src="${assetUrl('react.production.min.js')}"></script>
    <script defer src="${assetUrl('react-dom.production.min.js')}"></script>
    <script defer src="${assetUrl('graphiql.min.js')}"></script>
    <script defer src="${assetUrl('explorer.js')}"></script>
  </head>
  <body>
    ${devTokenForm(devTokens)}<div id="graphiql">Loading the explorer…</div>
    <noscript>The explorer needs JavaScript. Without it, POST GraphQL requests to this URL.</noscript>
  </body>
</html>
`;
}

/** A browser navigating to /graphql, as opposed to a GraphQL request (GET with ?query=, or POST). */
function wantsExplorerPage(req: Request): boolean {
  return (
    req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) === 'text/html' &&
    req.query.query === undefined
  );
}

/**
 * The GraphiQL explorer at GET /graphql for browsers, with its scripts and styles served from
 * node_modules under /explorer/assets, so it works without internet. Mount it before the GraphQL
 * middleware: every other /graphql request passes through untouched.
 */
export function createExplorerRouter(options: ExplorerOptions = {}): express.Router {
  const paths = new Map(
    (Object.keys(ASSET_SOURCES) as AssetName[]).map((name) => [name, assetPath(name)] as const),
  );
  const version = assetsVersion(paths);
  const page = explorerPage((name) => `${EXPLORER_ASSETS_PATH}/${version}/${name}`, options.devTokens);

  const router = express.Router();

  // A JSON body only: a cross-site form cannot send one without a preflight, which this origin refuses.
  router.post(DEV_TOKEN_PATH, express.json({ limit: '1kb' }), async (req, res, next) => {
    res.set('Cache-Control', 'no-store');
    const devTokens = options.devTokens;
    if (!devTokens) {
      return void res
        .status(403)
        .json(
          devTokenError(
            'DEV_TOKENS_DISABLED',
            'Development tokens are off here: outside development, or the gateway does not use the development secret',
          ),
        );
    }
    const { partnerId, role } = (req.body ?? {}) as { partnerId?: unknown; role?: unknown };
    if (typeof partnerId !== 'string' || !devTokens.partners.some((partner) => partner.id === partnerId)) {
      return void res
        .status(400)
        .json(
          devTokenError(
            'BAD_USER_INPUT',
            `partnerId must be one of the seeded partners, got ${String(partnerId)}`,
          ),
        );
    }
    if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) {
      return void res
        .status(400)
        .json(
          devTokenError('BAD_USER_INPUT', `role must be one of ${ROLES.join(', ')}, got ${String(role)}`),
        );
    }
    try {
      const token = await signDevToken(
        {
          sub: `explorer@${partnerId}`,
          partnerId,
          roles: [role as Role],
          expiresIn: DEV_TOKEN_LIFETIME,
          issuer: devTokens.issuer,
          audience: devTokens.audience,
        },
        devTokens.secret,
      );
      res.json({ token, partnerId, role, expiresIn: DEV_TOKEN_LIFETIME });
    } catch (error) {
      next(error);
    }
  });

  router.get('/graphql', (req, res, next) => {
    if (!wantsExplorerPage(req)) return next();
    res
      .status(200)
      .set({
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        Vary: 'Accept',
      })
      .send(page);
  });

  router.get(`${EXPLORER_ASSETS_PATH}/:version/:name`, (req, res, next) => {
    // Express has already decoded the parameters, so `..%2f` arrives as `../` and matches no name.
    const file = req.params.version === version ? paths.get(req.params.name as AssetName) : undefined;
    if (!file) return notFound(res);
    res.sendFile(
      file,
      { maxAge: '365d', immutable: true, headers: { 'X-Content-Type-Options': 'nosniff' } },
      (err) => {
        if (err && !res.headersSent) next(err);
      },
    );
  });
  router.use(EXPLORER_ASSETS_PATH, (_req, res) => notFound(res));

  return router;
}

function devTokenError(code: string, message: string) {
  return { errors: [{ message, extensions: { code } }] };
}

function notFound(res: Response): void {
  res.status(404).type('text/plain').send('Not found');
}
