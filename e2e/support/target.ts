import { randomBytes } from 'node:crypto';

/**
 * What the suite runs against. Locally (the default) playwright.config.ts starts the app on a
 * free port with a fresh data directory and puts the port in E2E_PORT; with E2E_BASE_URL it runs
 * against an instance that is already up, and everything it creates carries RUN_ID.
 */
export const REMOTE_BASE_URL = process.env.E2E_BASE_URL?.replace(/\/$/, '') || undefined;

export const BASE_URL = REMOTE_BASE_URL ?? `http://127.0.0.1:${process.env.E2E_PORT ?? '3000'}`;

/** The public project specs create their issues in. */
export const PROJECT = process.env.E2E_PROJECT ?? 'gitlab-org/gitlab-test';

/** The seeded demo password (DEMO_PASSWORD's default, GitLab's historical one); local mode only. */
export const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? '5iveL!fe';

/**
 * Unique per worker process and run: data created with it never collides with an earlier run
 * against the same instance, nor with the other worker.
 */
export const RUN_ID = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;

/** How the API client signs in as an admin (who creates users and memberships). */
export type AdminCredentials = { token: string } | { username: string; password: string };

export function adminCredentials(): AdminCredentials {
  const token = process.env.E2E_ADMIN_TOKEN;
  if (token) return { token };
  const username = process.env.E2E_ADMIN_USERNAME ?? (REMOTE_BASE_URL ? undefined : 'root');
  const password = process.env.E2E_ADMIN_PASSWORD ?? (REMOTE_BASE_URL ? undefined : DEMO_PASSWORD);
  if (!username || !password) {
    throw new Error(
      'E2E_BASE_URL is set: also set E2E_ADMIN_TOKEN (an admin personal access token with the api scope) or E2E_ADMIN_USERNAME and E2E_ADMIN_PASSWORD',
    );
  }
  return { username, password };
}
