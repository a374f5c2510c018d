import type { Request, Response } from 'express';
import { z } from 'zod';

/**
 * Validates a REST body with zod and answers a bad one as GitLab's API (Grape) does: 400 and
 * `{"error": "title is missing, assignee_ids is invalid"}`, one phrase per bad parameter, so
 * scripts written against GitLab read it the same way. A refinement of the whole body (Grape's
 * `at_least_one_of`, say) gives its message as a phrase of its own. Unknown parameters are
 * ignored, as Grape does. Returns the parsed body, or undefined once the 400 is sent.
 */
export function parseBody<T extends z.ZodType>(
  schema: T,
  req: Request,
  res: Response,
): z.infer<T> | undefined {
  return parseParams(schema, req.body ?? {}, res);
}

/** The same for a query string (`?page=2&per_page=50`): its values are strings. */
export function parseQuery<T extends z.ZodType>(
  schema: T,
  req: Request,
  res: Response,
): z.infer<T> | undefined {
  return parseParams(schema, req.query, res);
}

function parseParams<T extends z.ZodType>(
  schema: T,
  body: unknown,
  res: Response,
): z.infer<T> | undefined {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const phrases = new Map<string, string>();
  for (const issue of parsed.error.issues) {
    if (issue.path.length === 0 && issue.code === 'custom') {
      phrases.set(issue.message, issue.message);
      continue;
    }
    const field = String(issue.path[0] ?? 'body');
    if (phrases.has(field)) continue;
    const missing =
      issue.path.length === 1 && (body as Record<string, unknown>)[field] === undefined;
    const phrase = missing ? 'is missing' : issue.path.length === 0 ? 'is invalid' : issue.message;
    phrases.set(field, `${field} ${phrase}`);
  }
  res.status(400).json({ error: [...phrases.values()].join(', ') });
  return undefined;
}

/** Grape's wording for a value of the wrong type or shape. */
export const INVALID = { error: 'is invalid' } as const;

/** Largest id the database's integer columns hold (PostgreSQL `integer`). */
export const MAX_ID = 2_147_483_647;

/**
 * A non-negative integer an id column can hold (GitLab's ids): a bigger one names nothing, and
 * is refused here rather than failing the query.
 */
export const id = z.number(INVALID).int(INVALID).min(0, INVALID).max(MAX_ID, INVALID);
