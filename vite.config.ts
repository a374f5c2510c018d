import { fileURLToPath } from 'node:url';

import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';

const alias = { '@shared': fileURLToPath(new URL('./shared', import.meta.url)) };
// In tests, Vite would resolve our `import 'graphql'` to its ESM build (the `module` field) while
// dependencies loaded by Node get the CJS `main`: two graphql instances, and graphql-js refuses
// to mix them ("Cannot use GraphQLSchema from another module or realm"). One entry for all.
const testAlias = [
  { find: '@shared', replacement: alias['@shared'] },
  {
    find: /^graphql$/,
    replacement: fileURLToPath(new URL('./node_modules/graphql/index.js', import.meta.url)),
  },
];

/**
 * One config for the client build, the dev server and Vitest.
 * - `vite build` writes the client to dist/client, which the express server serves.
 * - `npm run dev` runs Vite in middleware mode inside the express server (server/src/dev/), so
 *   the dev page has the same origin, routes and HTML as production: no proxy.
 * - Vitest runs server/shared tests in node and client tests in jsdom.
 */
export default defineConfig({
  root: 'client',
  plugins: [vue()],
  resolve: { alias },
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    sourcemap: true,
  },
  test: {
    root: '.',
    projects: [
      {
        resolve: { alias: testAlias },
        test: {
          name: 'server',
          root: '.',
          environment: 'node',
          include: ['server/**/*.test.ts', 'shared/**/*.test.ts'],
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
      {
        plugins: [vue()],
        resolve: { alias: testAlias },
        test: {
          name: 'client',
          root: '.',
          environment: 'jsdom',
          include: ['client/**/*.test.ts'],
        },
      },
    ],
  },
});
