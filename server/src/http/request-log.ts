import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';

import { authOf, principalOf } from '../identity/request-auth.js';
import { correlationIdFrom, withCorrelationId } from '../logging/correlation.js';

/**
 * Gives each request a correlation id (the caller's `X-Request-Id` when it is plain, else a new
 * one), echoes it in the response, runs the rest of the request under it, and writes one line
 * when the response is finished. Only the path is logged: a query string may carry a token.
 * The path is the original URL's (`req.path` is relative to the router a handler is mounted on,
 * so it said "/" for `POST /api/graphql`).
 */
export function requestLog(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const id = correlationIdFrom(req.headers['x-request-id']);
    res.setHeader('X-Request-Id', id);
    const started = process.hrtime.bigint();
    withCorrelationId(id, () => {
      res.once('finish', () =>
        withCorrelationId(id, () =>
          logger.info(
            {
              method: req.method,
              path: pathOf(req.originalUrl),
              status: res.statusCode,
              userId: principalOf(authOf(req)).account?.id ?? null,
              duration_s: Number(process.hrtime.bigint() - started) / 1e9,
            },
            'request',
          ),
        ),
      );
      next();
    });
  };
}

/** The URL without its query string. */
function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}
