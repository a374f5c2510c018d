import { createHash, randomBytes } from 'node:crypto';

/** A new random secret: `prefix` + 32 bytes base64url (GitLab's tokens start with `glpat-`). */
export function newSecret(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

/** How secrets are stored and looked up: never the secret itself, only its SHA-256. */
export function digest(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
