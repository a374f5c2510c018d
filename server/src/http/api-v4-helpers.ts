import type { Request, Response } from 'express';

import type { AccountRecord } from '../domain/identity.js';
import type { IssueRepository } from '../domain/repository.js';
import type { ProjectRecord } from '../domain/types.js';
import { authOf, principalOf } from '../identity/request-auth.js';

import { MAX_ID } from './rest-body.js';

/** The caller's account, or an answer: 401 when anonymous, 403 when a read_api token writes. */
export function signedIn(
  req: Request,
  res: Response,
  need: 'read' | 'write',
): AccountRecord | null {
  const principal = principalOf(authOf(req));
  if (!principal.account) {
    res.status(401).json({ message: '401 Unauthorized' });
    return null;
  }
  if (need === 'write' && principal.readOnly) {
    res.status(403).json({ message: '403 Forbidden', error: 'insufficient_scope' });
    return null;
  }
  return principal.account;
}

/** GitLab accepts a numeric id or the URL-encoded full path. */
export async function projectPathOf(
  repository: IssueRepository,
  id: string,
): Promise<string | null> {
  if (!/^\d+$/.test(id)) return id;
  // A number past the id column's range names no project (and would fail the query).
  if (!isId(Number(id))) return null;
  return (await repository.findProjectById(Number(id)))?.fullPath ?? null;
}

/** The project named by `:id` (numeric id or full path), or null. */
export async function projectOf(
  repository: IssueRepository,
  id: string,
): Promise<ProjectRecord | null> {
  if (/^\d{1,9}$/.test(id)) return repository.findProjectById(Number(id));
  return id.length <= 255 ? repository.findProjectByFullPath(id) : null;
}

/** A non-negative integer an id column can hold (GitLab's ids), from JSON or a path. */
export function isId(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_ID;
}

/**
 * Body limit of the requests that may carry an issue's text (GraphQL, `PUT …/issues/:iid`):
 * GitLab's 1,048,576-character description at 4 bytes a character in UTF-8 fits. Parsing one
 * costs about 10 ms; every other REST body keeps 64 KiB.
 */
export const ISSUE_TEXT_BODY_LIMIT = 4 * 1024 * 1024;
