import type { Page } from '@playwright/test';

export interface Frame {
  /** Milliseconds since the epoch when the test process saw it. */
  at: number;
  text: string;
}

/** Every frame the page's cable sockets receive, from now on (register before `goto`). */
export function captureCableFrames(page: Page): { received: Frame[]; since(at: number): Frame[] } {
  const received: Frame[] = [];
  page.on('websocket', (socket) => {
    if (!socket.url().includes('/-/cable')) return;
    socket.on('framereceived', ({ payload }) => {
      received.push({
        at: Date.now(),
        text: typeof payload === 'string' ? payload : payload.toString(),
      });
    });
  });
  return { received, since: (at) => received.filter((frame) => frame.at >= at) };
}
