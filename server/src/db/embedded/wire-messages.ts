/**
 * Cuts a client's byte stream into what PGlite can execute: the startup packet alone, then runs
 * of complete typed messages (`Parse`…`Sync` of one query arrive together and go to PGlite in
 * one call). Answers what PGlite does not handle itself: SSL and GSS encryption requests get
 * PostgreSQL's "not supported" byte, and a cancel request or `Terminate` ends the connection.
 */

/** What to do with the next part of the stream. */
export type Batch =
  { kind: 'execute'; bytes: Uint8Array } | { kind: 'reply'; bytes: Buffer } | { kind: 'end' };

const PROTOCOL_3 = 196_608;
const SSL_REQUEST = 80_877_103;
const GSSENC_REQUEST = 80_877_104;
const CANCEL_REQUEST = 80_877_102;
const TERMINATE = 0x58; // 'X'
/** Larger than any message `pg` sends for this app; a bigger length is a broken stream. */
const MAX_MESSAGE = 256 * 1024 * 1024;

export interface MessageSplitter {
  /** Adds received bytes; returns the batches now complete, in order. */
  push(chunk: Buffer): Batch[];
}

export function frontendMessages(): MessageSplitter {
  let pending: Buffer = Buffer.alloc(0);
  let started = false;
  let ended = false;

  const untyped = (): Batch | undefined => {
    if (pending.length < 8) return undefined;
    const length = pending.readInt32BE(0);
    if (length < 8 || length > MAX_MESSAGE) return end();
    if (pending.length < length) return undefined;
    const code = pending.readInt32BE(4);
    const message = take(length);
    if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
      return { kind: 'reply', bytes: Buffer.from('N') };
    }
    if (code !== PROTOCOL_3) return end(); // a cancel request, or a protocol PGlite lacks
    started = true;
    return { kind: 'execute', bytes: message };
  };

  const typed = (): Batch | undefined => {
    let size = 0;
    while (pending.length >= size + 5) {
      if (pending[size] === TERMINATE) break;
      const length = pending.readInt32BE(size + 1);
      if (length < 4 || length > MAX_MESSAGE) return end();
      if (pending.length < size + 1 + length) break;
      size += 1 + length;
    }
    if (size > 0) return { kind: 'execute', bytes: take(size) };
    return pending[0] === TERMINATE ? end() : undefined;
  };

  const take = (size: number): Uint8Array => {
    // A copy: the received chunk's memory is not ours to keep.
    const taken = new Uint8Array(pending.subarray(0, size));
    pending = pending.subarray(size);
    return taken;
  };

  const end = (): Batch => {
    ended = true;
    pending = Buffer.alloc(0);
    return { kind: 'end' };
  };

  return {
    push(chunk) {
      if (ended) return [];
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      const batches: Batch[] = [];
      for (;;) {
        const batch = started ? typed() : untyped();
        if (!batch) return batches;
        batches.push(batch);
        if (batch.kind === 'end') return batches;
      }
    },
  };
}

// Exported for the tests: a cancel request is recognised by its code.
export const CODES = { SSL_REQUEST, GSSENC_REQUEST, CANCEL_REQUEST, PROTOCOL_3 } as const;
