import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Request, Response } from 'express';

import { authOf } from '../identity/request-auth.js';

/**
 * Serves the client's index.html with the page's bootstrap data, as GitLab's layouts do:
 * `<meta name="csrf-token">` (the session's token, sent back as X-CSRF-Token by the client).
 * The file is read once and cached; it is absent in API-only tests.
 */
export function indexHtmlHandler(clientDir: string) {
  const path = join(clientDir, 'index.html');
  let template: string | undefined;
  return (req: Request, res: Response): void => {
    if (template === undefined && existsSync(path)) template = readFileSync(path, 'utf8');
    if (template === undefined) {
      res.status(503).type('text/plain').send('The client is not built: run `npm run build`.');
      return;
    }
    const auth = authOf(req);
    const csrf = auth.kind === 'session' ? auth.session.csrfToken : '';
    const meta = `<meta name="csrf-token" content="${csrf}">`;
    res
      .type('html')
      .set('Cache-Control', 'no-store') // the page carries a per-session token
      .send(template.replace('</head>', `  ${meta}\n  </head>`));
  };
}
