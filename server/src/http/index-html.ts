import type { NextFunction, Request, Response } from 'express';

import { CABLE } from '@shared/cable/protocol.js';

import { authOf } from '../identity/request-auth.js';

import type { ClientAssets } from './client-assets.js';
import type { PageAnswer } from './page-answer.js';

export interface IndexHtmlOptions {
  /** The `real_time_issue_sidebar` flag, read per page so a toggle shows on the next load. */
  realtimeEnabled?: () => boolean;
  /** The page's status and title (page-answer.ts); without it every page is 200 as built. */
  answer?: (req: Request) => Promise<PageAnswer>;
}

/** Text for HTML: issue titles are user content. */
function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (char) =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char,
  );
}

/**
 * Serves the client's index.html with the page's bootstrap data, as GitLab's layouts do:
 * `<meta name="csrf-token">` (the session's token, sent back as X-CSRF-Token by the client),
 * `<meta name="action-cable-url">` (where the stock consumer connects) and, when the real-time sidebar is turned off, `<meta name="real-time-issue-sidebar"
 * content="false">` (the client then skips the subscription and polls). The status and
 * `<title>` are the page's (404 for unknown pages and unreadable issues, with one body for both).
 */
export function indexHtmlHandler(client: ClientAssets, options: IndexHtmlOptions = {}) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    let template: string | undefined;
    let answer: PageAnswer | undefined;
    try {
      answer = await options.answer?.(req);
      if (answer?.status === 302) {
        res.redirect(302, answer.location);
        return;
      }
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
    let html = template.replace('</head>', `  ${meta}\n  </head>`);
    if (answer) {
      const title = `<title>${escapeHtml(answer.title)}</title>`;
      html = html.replace(/<title>[^<]*<\/title>/, () => title);
    }
    res
      .status(answer?.status ?? 200)
      .type('html')
      .set('Cache-Control', 'no-store') // the page carries a per-session token
      .send(html);
  };
}
