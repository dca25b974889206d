import { randomBytes } from 'node:crypto';

/**
 * A reader talking to the app over HTTP, cookies kept like a browser keeps
 * them, every mutation sent with this site's Origin (as a browser would).
 */
export class Reader {
  private cookies = new Map<string, string>();
  readonly email: string;
  /**
   * Each reader comes from its own address, as readers do, so the suite's
   * many sign-ups do not share one per-address limit (set it to test the limit).
   */
  address = `10.${[...randomBytes(3)].join('.')}`;

  constructor(
    readonly baseURL: string,
    email?: string,
    readonly password = 'correct horse battery staple',
  ) {
    this.email = email ?? `reader-${randomBytes(5).toString('hex')}@example.com`;
  }

  get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request(
    method: string,
    path: string,
    init: { json?: unknown; body?: string; headers?: Record<string, string> } = {},
  ): Promise<Response> {
    const headers: Record<string, string> = { Origin: this.baseURL, 'X-Forwarded-For': this.address, ...init.headers };
    if (this.cookies.size) headers.Cookie = this.cookieHeader;
    let body = init.body;
    if (init.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(init.json);
    }
    const response = await fetch(`${this.baseURL}${path}`, { method, headers, body, redirect: 'manual' });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const at = pair!.indexOf('=');
      const name = pair!.slice(0, at);
      const value = pair!.slice(at + 1);
      if (value && !/max-age=0|expires=thu, 01 jan 1970/i.test(cookie)) this.cookies.set(name, value);
      else this.cookies.delete(name);
    }
    return response;
  }

  async json<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<{ status: number; data: T }> {
    const response = await this.request(method, path, body === undefined ? {} : { json: body });
    return { status: response.status, data: (await response.json().catch(() => ({}))) as T };
  }

  async signUp(): Promise<this> {
    const { status, data } = await this.json('POST', '/api/signup', { email: this.email, password: this.password });
    if (status !== 201) throw new Error(`sign-up failed: ${status} ${JSON.stringify(data)}`);
    return this.signIn();
  }

  /** NextAuth's credentials flow: CSRF token, then the callback; returns the error code if any. */
  async signIn(password = this.password): Promise<this> {
    const error = await this.trySignIn(password);
    if (error) throw new Error(`sign-in failed: ${error}`);
    return this;
  }

  async trySignIn(password = this.password): Promise<string | null> {
    const { data } = await this.json<{ csrfToken: string }>('GET', '/api/auth/csrf');
    const response = await this.request('POST', '/api/auth/callback/credentials', {
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrfToken: data.csrfToken, email: this.email, password, callbackUrl: `${this.baseURL}/` }).toString(),
    });
    const location = response.headers.get('location') ?? '';
    return new URL(location, this.baseURL).searchParams.get('error');
  }

  /** Forgets the cookies here only, as closing a private window does; the session itself stays valid elsewhere. */
  signOut(): void {
    this.cookies.clear();
  }

  /** Signs out the way the header's button does: NextAuth's sign-out, CSRF token and all. */
  async nextAuthSignOut(): Promise<Response> {
    const { data } = await this.json<{ csrfToken: string }>('GET', '/api/auth/csrf');
    return this.request('POST', '/api/auth/signout', {
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrfToken: data.csrfToken, callbackUrl: `${this.baseURL}/` }).toString(),
    });
  }

  /** The same account on another device: its own address and its own session. */
  async otherDevice(password = this.password): Promise<Reader> {
    return new Reader(this.baseURL, this.email, password).signIn();
  }

  /** A copy of this browser's cookies (a stolen or copied session), from another address. */
  copy(): Reader {
    const copy = new Reader(this.baseURL, this.email, this.password);
    for (const [name, value] of this.cookies) copy.cookies.set(name, value);
    return copy;
  }

  /** What NextAuth says about this browser's session: the user's email, or null when signed out. */
  async sessionEmail(): Promise<string | null> {
    const { data } = await this.json<{ user?: { email?: string } }>('GET', '/api/auth/session');
    return data.user?.email ?? null;
  }
}
