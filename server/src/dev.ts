/**
 * `npm run dev`: the same server as `npm start`, with the client served by Vite (HMR) instead of
 * the build, and no cable drain on restart (`tsx watch` restarts on every server file change).
 * Any setting can still be given in the environment.
 */
import { viteClient } from './dev/vite-client.js';
import { run } from './run.js';

run({ defaults: { CABLE_DRAIN_SECONDS: '0' }, clientAssets: viteClient });
