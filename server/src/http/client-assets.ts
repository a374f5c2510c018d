import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import express, { type RequestHandler } from 'express';

/**
 * Where the page and its assets come from: the build (dist/client) under `npm start`, or Vite's
 * dev server under `npm run dev` (server/src/dev/vite-client.ts). Either way the express app
 * serves the same routes and the same HTML, with the same per-request meta tags.
 */
export interface ClientAssets {
  /** Serves the client's files; runs before authentication (they are the same for everyone). */
  readonly middleware: RequestHandler;
  /** The page's HTML for a URL, before the per-request meta tags; undefined when not built. */
  html(url: string): Promise<string | undefined>;
  close(): Promise<void>;
}

/** The built client: static files, and index.html read once (it is absent in API-only tests). */
export function builtClient(dir: string): ClientAssets {
  const path = join(dir, 'index.html');
  let template: string | undefined;
  return {
    middleware: express.static(dir, { index: false }),
    html: () => {
      if (template === undefined && existsSync(path)) template = readFileSync(path, 'utf8');
      return Promise.resolve(template);
    },
    close: () => Promise.resolve(),
  };
}
