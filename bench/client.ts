import { Http1Pool } from './http1.ts';

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  contentType: string;
}

/**
 * Keep-alive HTTP for one origin, through the bench's own lean HTTP/1.1 client (./http1.ts): the
 * load generator shares two cores with the server and Postgres, so its CPU per request counts.
 */
export class HttpTarget {
  readonly pool: Http1Pool;

  constructor(
    readonly origin: string,
    connections = 128,
  ) {
    this.pool = new Http1Pool(origin, connections);
  }

  async send<T = unknown>(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    path: string,
    options: { body?: unknown; cookie?: string | null } = {},
  ): Promise<ApiResponse<T> & { setCookie: string[] }> {
    const headers = options.cookie ? `cookie: ${options.cookie}\r\n` : '';
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    const res = await this.pool.request(method, path, headers, payload);
    let body: unknown = res.body;
    if (res.contentType.includes('json') && res.body.length > 0) body = JSON.parse(res.body);
    return { status: res.status, body: body as T, contentType: res.contentType, setCookie: res.setCookie };
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

const SESSION_COOKIE = 'saa_session';

/** One browser: a target plus the session cookie it was given. */
export class Browser {
  cookie: string | null = null;

  constructor(readonly target: HttpTarget) {}

  async send<T = unknown>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown) {
    const res = await this.target.send<T>(method, path, { body, cookie: this.cookie });
    for (const line of res.setCookie) {
      const [pair] = line.split(';');
      const [name, value] = (pair ?? '').split('=');
      if (name?.trim() === SESSION_COOKIE) this.cookie = value ? `${SESSION_COOKIE}=${value}` : null;
    }
    return res;
  }
}
