import type { CableSocket } from './connection.js';

/**
 * An in-memory CableSocket for unit tests of connection logic: records what is sent and lets a
 * test set `bufferedAmount` (e.g. to play a slow consumer) without a network.
 */
export class TestSocket implements CableSocket {
  readonly sent: unknown[] = [];
  closedWith: { code: number; reason: string | undefined } | undefined;
  bufferedAmount = 0;

  get isOpen(): boolean {
    return this.closedWith === undefined;
  }

  send(text: string): void {
    this.sent.push(JSON.parse(text) as unknown);
  }

  close(code: number, reason?: string): void {
    this.closedWith = { code, reason };
  }
}
