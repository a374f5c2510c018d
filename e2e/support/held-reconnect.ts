import type { Page } from '@playwright/test';

/**
 * Lets the page's first cable connection through and holds every later one (a reconnect) until
 * `release()`, so a spec can change data while the page is provably disconnected. From the moment
 * the server closes the first connection, the page's GraphQL requests are held too: a
 * disconnected page polls, and a poll must not deliver the change before the reconnect does. Frames the
 * server sends on a reconnected socket are recorded: the catch-up the server owes the page
 * arrives there (the page's own refetch over HTTP would hide a missing one).
 */
export async function holdReconnects(page: Page): Promise<{
  /** Resolves when the page tries to reconnect (the hold is in effect). */
  reconnecting: Promise<void>;
  release(): void;
  /** Frames received from the server after a reconnect, in order. */
  framesAfterReconnect: string[];
}> {
  let connections = 0;
  let release!: () => void;
  let attempted!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const reconnecting = new Promise<void>((resolve) => (attempted = resolve));
  const framesAfterReconnect: string[] = [];
  let disconnected = false;
  await page.route(/\/api\/graphql$/, async (route) => {
    if (disconnected) await released;
    await route.continue();
  });
  await page.routeWebSocket(/\/-\/cable/, async (socket) => {
    connections += 1;
    if (connections === 1) {
      const server = socket.connectToServer();
      server.onClose(() => {
        disconnected = true; // before the page can notice and start polling
        void socket.close();
      });
      return;
    }
    attempted();
    await released; // the page's socket stays "connecting" until then
    const server = socket.connectToServer();
    server.onMessage((message) => {
      framesAfterReconnect.push(typeof message === 'string' ? message : message.toString());
      socket.send(message);
    });
  });
  return { reconnecting, release, framesAfterReconnect };
}
