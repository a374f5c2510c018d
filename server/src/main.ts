/** `npm start` (built: dist/server/main.js): the server as configured by the environment. */
import { run } from './run.js';

run();
