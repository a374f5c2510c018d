/**
 * `npm run flags -- list | enable <name> | disable <name> | reset <name>`: changes feature flags
 * through the running server's Features API over HTTP, so it works in every deployment (in the
 * embedded PGlite mode no second process can open the data directory) and every process hears
 * of the change. Credentials: `GITLAB_TOKEN` (an admin's personal access token with `api`), else
 * a sign-in as `root` with `DEMO_PASSWORD`.
 */
import { FEATURE_FLAG_NAMES, isFeatureFlagName } from '@shared/feature-flags.js';

export interface FlagsCliIo {
  env: Readonly<Record<string, string | undefined>>;
  fetch: typeof fetch;
  out(line: string): void;
  err(line: string): void;
}

const USAGE = `usage: npm run flags -- list | enable <name> | disable <name> | reset <name>
flags: ${FEATURE_FLAG_NAMES.join(', ')}
env: GITLAB_URL (default http://127.0.0.1:$PORT, PORT default 3000), GITLAB_TOKEN (admin PAT)
     or DEMO_PASSWORD (root's password, default 5iveL!fe)`;

/** A failure already phrased for the operator: one line, then exit 1. */
class CliError extends Error {}

interface Feature {
  name: string;
  state: string;
  description?: string;
}

/** Runs one command and answers the exit code (0 ok, 1 failed, 2 bad usage). */
export async function runFlagsCli(args: readonly string[], io: FlagsCliIo): Promise<number> {
  const [command, name, ...rest] = args;
  const needsName = command === 'enable' || command === 'disable' || command === 'reset';
  if (!(command === 'list' && name === undefined) && !(needsName && name && rest.length === 0)) {
    io.err(USAGE);
    return 2;
  }
  try {
    if (name !== undefined && !isFeatureFlagName(name)) {
      throw new CliError(`unknown feature flag '${name}'; known: ${FEATURE_FLAG_NAMES.join(', ')}`);
    }
    const api = await FeaturesClient.connect(io);
    if (command === 'list') {
      for (const flag of await api.list()) {
        io.out(
          `${flag.name.padEnd(26)} ${flag.state.padEnd(4)} ${flag.description ?? ''}`.trimEnd(),
        );
      }
    } else if (command === 'reset') {
      await api.reset(name as string);
      io.out(`${name as string}: reset to the default (on)`);
    } else {
      const flag = await api.set(name as string, command === 'enable');
      io.out(`${flag.name}: ${flag.state}`);
    }
    return 0;
  } catch (error) {
    io.err(`flags: ${error instanceof CliError ? error.message : String(error)}`);
    return 1;
  }
}

/** The Features API of one server, with the credentials resolved once. */
class FeaturesClient {
  private constructor(
    private readonly io: FlagsCliIo,
    private readonly baseUrl: string,
    private readonly headers: Record<string, string>,
  ) {}

  static async connect(io: FlagsCliIo): Promise<FeaturesClient> {
    const baseUrl = (io.env.GITLAB_URL || `http://127.0.0.1:${io.env.PORT || '3000'}`).replace(
      /\/+$/,
      '',
    );
    const token = io.env.GITLAB_TOKEN;
    if (token) return new FeaturesClient(io, baseUrl, { authorization: `Bearer ${token}` });
    const password = io.env.DEMO_PASSWORD || '5iveL!fe';
    const response = await request(io, baseUrl, '/users/sign_in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'root', password }),
    });
    if (!response.ok) {
      throw new CliError(
        `signing in as root failed (${response.status}: ${await reason(response)}); set GITLAB_TOKEN to an admin personal access token or DEMO_PASSWORD to root's password`,
      );
    }
    const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const { csrfToken } = (await response.json()) as { csrfToken: string };
    return new FeaturesClient(io, baseUrl, { cookie, 'x-csrf-token': csrfToken });
  }

  async list(): Promise<Feature[]> {
    return (await this.call('GET', '/api/v4/features')) as Feature[];
  }

  async set(name: string, value: boolean): Promise<Feature> {
    return (await this.call('POST', `/api/v4/features/${name}`, `value=${value}`)) as Feature;
  }

  async reset(name: string): Promise<void> {
    await this.call('DELETE', `/api/v4/features/${name}`);
  }

  private async call(method: string, path: string, form?: string): Promise<unknown> {
    const headers = { ...this.headers };
    if (form !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
    const response = await request(this.io, this.baseUrl, path, { method, headers, body: form });
    if (response.status === 401) {
      throw new CliError(`not authenticated (401: ${await reason(response)}); check GITLAB_TOKEN`);
    }
    if (response.status === 403) {
      throw new CliError(
        `forbidden (403: ${await reason(response)}); an administrator's token with the api scope is needed`,
      );
    }
    if (!response.ok) throw new CliError(`${response.status}: ${await reason(response)}`);
    return response.status === 204 ? null : ((await response.json()) as unknown);
  }
}

async function request(
  io: FlagsCliIo,
  baseUrl: string,
  path: string,
  init: RequestInit,
): Promise<Response> {
  try {
    return await io.fetch(`${baseUrl}${path}`, init);
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const why = cause?.code ?? cause?.message ?? (error as Error).message;
    throw new CliError(
      `cannot reach the server at ${baseUrl} (${why}); is it running? (GITLAB_URL)`,
    );
  }
}

/** The API's own explanation (`error`, else `message`), or the status text. */
async function reason(response: Response): Promise<string> {
  const text = await response.text();
  try {
    const body = JSON.parse(text) as { error?: unknown; message?: unknown };
    const said = body.error ?? body.message;
    if (typeof said === 'string') return said;
  } catch {
    // Not JSON (a proxy's page, say): fall through to the status text.
  }
  return response.statusText || 'no explanation';
}
