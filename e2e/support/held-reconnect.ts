import type { Page } from '@playwright/test';

/**
 * Lets the page's first cable connection through and holds every later one (a reconnect) until
 * `release()`, so a spec can change data while the page is provably disconnected.
 */
export async function holdReconnects(page: Page): Promise<{
  /** Resolves when the page tries to reconnect (the hold is in effect). */
  reconnecting: Promise<void>;
  release(): void;
}> {
  let connections = 0;
  let release!: () => void;
  let attempted!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const reconnecting = new Promise<void>((resolve) => (attempted = resolve));
  await page.routeWebSocket(/\/-\/cable/, async (socket) => {
    connections += 1;
    if (connections > 1) {
      attempted();
      await released; // the page's socket stays "connecting" until then
    }
    socket.connectToServer();
  });
  return { reconnecting, release };
}
