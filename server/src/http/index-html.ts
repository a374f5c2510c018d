import type { NextFunction, Request, Response } from 'express';

import { CABLE } from '@shared/cable/protocol.js';

import { authOf } from '../identity/request-auth.js';

import type { ClientAssets } from './client-assets.js';

export interface IndexHtmlOptions {
  /** The `real_time_issue_sidebar` flag, read per page so a toggle shows on the next load. */
  realtimeEnabled?: () => boolean;
}

/**
 * Serves the client's index.html with the page's bootstrap data, as GitLab's layouts do:
 * `<meta name="csrf-token">` (the session's token, sent back as X-CSRF-Token by the client),
 * `<meta name="action-cable-url">` (where the stock consumer connects) and, when the real-time sidebar is turned off, `<meta name="real-time-issue-sidebar"
 * content="false">` (the client then skips the subscription and polls).
 */
export function indexHtmlHandler(client: ClientAssets, options: IndexHtmlOptions = {}) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    let template: string | undefined;
    try {
      template = await client.html(req.originalUrl);
    } catch (error) {
      next(error);
      return;
    }
    if (template === undefined) {
      res.status(503).type('text/plain').send('The client is not built: run `npm run build`.');
      return;
    }
    const auth = authOf(req);
    const csrf = auth.kind === 'session' ? auth.session.csrfToken : '';
    let meta = `<meta name="csrf-token" content="${csrf}">`;
    // GitLab's layout names the cable's URL; `createConsumer()` without one reads it (else /cable).
    meta += `\n    <meta name="action-cable-url" content="${CABLE.mountPath}">`;
    if (options.realtimeEnabled?.() === false) {
      meta += '\n    <meta name="real-time-issue-sidebar" content="false">';
    }
    res
      .type('html')
      .set('Cache-Control', 'no-store') // the page carries a per-session token
      .send(template.replace('</head>', `  ${meta}\n  </head>`));
  };
}
