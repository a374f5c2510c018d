/** The sidebar's initial query from concurrent HTTP clients (closed loop). */
import { summarize } from './fleet.js';
import { ISSUE_QUERY, nowMs, PROJECT_PATH } from './protocol.js';
import type { ServerProc } from './servers.js';

/** The sidebar's initial query from `clients` concurrent HTTP clients for `ms`; client-side timing. */
export async function initialQuery(server: ServerProc, clients: number, ms: number) {
  const latencies: number[] = [];
  let errors = 0;
  const end = nowMs() + ms;
  const body = JSON.stringify({
    query: ISSUE_QUERY,
    variables: { fullPath: PROJECT_PATH, iid: '1' },
  });
  if (server.mode !== 'c') await server.counters(); // resets the server-side timings
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (nowMs() < end) {
        const t0 = nowMs();
        try {
          const r = await fetch(server.httpUrl, {
            method: 'POST',
            headers: { 'content-type': 'application/json', origin: server.origin },
            body,
            signal: AbortSignal.timeout(10_000),
          });
          await r.text();
          if (r.ok) latencies.push(nowMs() - t0);
          else errors += 1;
        } catch {
          errors += 1; // timed out after 10 s
        }
      }
    }),
  );
  const inside =
    server.mode !== 'c' && server.mode !== 'x2' ? (await server.counters()).phasesMs : undefined;
  return {
    requests: latencies.length,
    errors,
    ...summarize(latencies),
    serverP50: inside?.response,
    serverP99: inside?.responseP99,
  };
}
