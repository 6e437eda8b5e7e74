import type { AxiosInstance } from 'axios';

/**
 * How a legacy system wants its calls authorized. `invalidate` is called after a 401 with the headers
 * that were rejected: the client then asks for headers once more and retries the call once.
 */
export interface LegacyAuth {
  headers(): Promise<Record<string, string>>;
  invalidate(rejected: Record<string, string>): void;
}

/** The token endpoint said no; the client turns this into a coded error for the call that needed it. */
export class TokenRequestError extends Error {
  override readonly name = 'TokenRequestError';

  constructor(
    readonly status: number,
    readonly retryAfter: string | undefined,
  ) {
    super(`token request failed with HTTP ${status}`);
  }
}

/** A fixed header, such as the PRM's `Authorization: prm-key <key>`. */
export function staticHeaderAuth(name: string, value: string): LegacyAuth {
  const headers = { [name]: value };
  return { headers: async () => headers, invalidate: () => undefined };
}

export interface ClientCredentialsOptions {
  tokenPath: string;
  clientId: string;
  clientSecret: string;
}

/**
 * OAuth2 client credentials with one token request in flight at a time: concurrent calls that
 * find no token share the same pending request instead of each fetching their own.
 */
export function clientCredentialsAuth(http: AxiosInstance, options: ClientCredentialsOptions): LegacyAuth {
  let token: Promise<string> | undefined;
  /** The token in use; undefined while none is, or while a new one is being fetched. */
  let issued: string | undefined;

  async function fetchToken(): Promise<string> {
    const body = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: options.clientId,
      client_secret: options.clientSecret,
    });
    const response = await http.post<string>(options.tokenPath, body.toString(), {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    if (response.status >= 400) {
      throw new TokenRequestError(response.status, response.headers['retry-after'] as string | undefined);
    }
    let accessToken: unknown;
    try {
      accessToken = (JSON.parse(response.data) as { access_token?: unknown } | null)?.access_token;
    } catch {
      accessToken = undefined;
    }
    if (typeof accessToken !== 'string' || accessToken.length === 0) {
      throw Object.assign(new Error('token endpoint returned no access_token'), {
        code: 'BAD_TOKEN_RESPONSE',
      });
    }
    return accessToken;
  }

  return {
    async headers() {
      if (!token) {
        token = fetchToken();
        token.then(
          (accessToken) => {
            issued = accessToken;
          },
          () => {
            token = undefined;
          },
        );
      }
      return { authorization: `Bearer ${await token}` };
    },
    invalidate(rejected) {
      // When a token expires, every call in flight with it gets a 401. Only the first may drop it:
      // the others would throw away the new token request it started and each start their own.
      if (issued === undefined || rejected.authorization !== `Bearer ${issued}`) return;
      issued = undefined;
      token = undefined;
    },
  };
}
