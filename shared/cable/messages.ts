import { describeJson, parseJsonObject } from '../json-object.js';
import { Command, type DisconnectReason, type MessageType } from './protocol.js';

/** A command from the client. `identifier` is kept as the exact string received (echoed byte for byte). */
export type ClientCommand =
  | { command: typeof Command.subscribe; identifier: string }
  | { command: typeof Command.unsubscribe; identifier: string }
  | { command: typeof Command.message; identifier: string; data: string };

/** A frame from the server. */
export type ServerMessage =
  | { type: typeof MessageType.welcome }
  | { type: typeof MessageType.ping; message: number }
  | { type: typeof MessageType.disconnect; reason: DisconnectReason; reconnect: boolean }
  | { identifier: string; type: typeof MessageType.confirmation }
  | { identifier: string; type: typeof MessageType.rejection }
  | { identifier: string; message: unknown };

/** Thrown by {@link parseCommand}; `code` is stable for logs and tests. */
export class MalformedCommandError extends Error {
  readonly code = 'CABLE_MALFORMED_COMMAND';
  override readonly name = 'MalformedCommandError';
}

const COMMANDS: ReadonlySet<string> = new Set(Object.values(Command));

/**
 * Parses and validates one text frame from a client.
 * @throws MalformedCommandError with a precise message (not JSON, not an object, unknown
 *   command, missing or wrong-typed field).
 */
export function parseCommand(raw: string): ClientCommand {
  const parsed = parseJsonObject(raw);
  if (!parsed.ok) {
    throw new MalformedCommandError(
      parsed.problem === 'not-json'
        ? 'frame is not valid JSON'
        : `expected a JSON object, got ${parsed.got}`,
    );
  }
  const frame = parsed.value;
  const { command, identifier } = frame;
  if (typeof command !== 'string' || !COMMANDS.has(command)) {
    throw new MalformedCommandError(`unknown command ${JSON.stringify(command) ?? 'undefined'}`);
  }
  if (typeof identifier !== 'string') {
    throw new MalformedCommandError(
      `expected 'identifier' to be a string, got ${describeJson(identifier)}`,
    );
  }
  if (command === Command.message) {
    if (typeof frame.data !== 'string') {
      throw new MalformedCommandError(
        `expected 'data' to be a string, got ${describeJson(frame.data)}`,
      );
    }
    return { command, identifier, data: frame.data };
  }
  return { command: command as typeof Command.subscribe | typeof Command.unsubscribe, identifier };
}

/** Encodes a server frame. The only way frames are serialized, so their shapes stay typed. */
export function stringifyMessage(message: ServerMessage): string {
  return JSON.stringify(message);
}
