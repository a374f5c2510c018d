import { describe, expect, it } from 'vitest';

import { CODES, frontendMessages, type Batch } from './wire-messages.js';

/** An untyped message (startup, SSL request, cancel): length, code, body. */
function untyped(code: number, body = Buffer.alloc(0)): Buffer {
  const header = Buffer.alloc(8);
  header.writeInt32BE(8 + body.length, 0);
  header.writeInt32BE(code, 4);
  return Buffer.concat([header, body]);
}

/** A typed message: one type byte, length (itself included), body. */
function typed(type: string, body = Buffer.alloc(0)): Buffer {
  const header = Buffer.alloc(5);
  header.write(type, 0);
  header.writeInt32BE(4 + body.length, 1);
  return Buffer.concat([header, body]);
}

const startup = untyped(CODES.PROTOCOL_3, Buffer.from('user\0postgres\0\0'));
const parse = typed('P', Buffer.from('\0select 1\0\0\0'));
const sync = typed('S');

const describeBatch = (b: Batch) =>
  b.kind === 'execute'
    ? { execute: Buffer.from(b.bytes) }
    : b.kind === 'reply'
      ? { reply: b.bytes.toString() }
      : 'end';

describe('frontendMessages', () => {
  it('answers an SSL or GSS request with N and passes the startup packet alone', () => {
    const splitter = frontendMessages();
    expect(splitter.push(untyped(CODES.SSL_REQUEST)).map(describeBatch)).toEqual([{ reply: 'N' }]);
    expect(splitter.push(untyped(CODES.GSSENC_REQUEST)).map(describeBatch)).toEqual([
      { reply: 'N' },
    ]);
    expect(splitter.push(Buffer.concat([startup, parse])).map(describeBatch)).toEqual([
      { execute: startup },
      { execute: parse },
    ]);
  });

  it('gives the complete messages of a chunk to PGlite in one batch and keeps a partial one', () => {
    const splitter = frontendMessages();
    splitter.push(startup);
    const bind = typed('B', Buffer.alloc(40, 1));
    const stream = Buffer.concat([parse, bind, sync]);
    const cut = parse.length + 10; // inside Bind
    expect(splitter.push(stream.subarray(0, cut)).map(describeBatch)).toEqual([{ execute: parse }]);
    expect(splitter.push(stream.subarray(cut, cut + 3))).toEqual([]);
    expect(splitter.push(stream.subarray(cut + 3)).map(describeBatch)).toEqual([
      { execute: Buffer.concat([bind, sync]) },
    ]);
  });

  it('ends the connection at Terminate, after what came before it', () => {
    const splitter = frontendMessages();
    splitter.push(startup);
    expect(
      splitter.push(Buffer.concat([parse, sync, typed('X'), parse])).map(describeBatch),
    ).toEqual([{ execute: Buffer.concat([parse, sync]) }, 'end']);
    expect(splitter.push(sync)).toEqual([]);
  });

  it('ends a cancel request and a broken stream instead of passing them on', () => {
    const cancel = frontendMessages();
    expect(cancel.push(untyped(CODES.CANCEL_REQUEST, Buffer.alloc(8))).map(describeBatch)).toEqual([
      'end',
    ]);
    const negative = frontendMessages();
    negative.push(startup);
    const broken = Buffer.from([0x51, 0xff, 0xff, 0xff, 0xff]); // 'Q' with length -1
    expect(negative.push(broken).map(describeBatch)).toEqual(['end']);
    const huge = frontendMessages();
    expect(huge.push(untyped(CODES.PROTOCOL_3).fill(0x7f, 0, 1)).map(describeBatch)).toEqual([
      'end',
    ]);
  });
});
