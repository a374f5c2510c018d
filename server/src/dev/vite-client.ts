import { readFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { join } from 'node:path';

import type { ClientAssets } from '../http/client-assets.js';
import { paths } from '../paths.js';

/**
 * `npm run dev`: Vite in middleware mode inside the express app, so the dev page is served like
 * the production one (same origin, same routes, index.html with the session's csrf-token meta),
 * with Vite's module transforms and HMR added. HMR's WebSocket shares the app's HTTP server; the
 * cable only takes upgrades on its own path. Vite is a dev dependency: imported only here.
 */
export async function viteClient(http: Server): Promise<ClientAssets> {
  const { createServer } = await import('vite');
  const vite = await createServer({
    configFile: join(paths.clientSource, '..', 'vite.config.ts'),
    appType: 'custom',
    server: { middlewareMode: { server: http }, ws: { server: http } },
  });
  const template = join(paths.clientSource, 'index.html');
  return {
    middleware: vite.middlewares,
    // Read each time: an edit of index.html shows on the next load, as under plain Vite.
    html: async (url) => vite.transformIndexHtml(url, await readFile(template, 'utf8')),
    close: () => vite.close(),
  };
}
