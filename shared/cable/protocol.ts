/**
 * Action Cable protocol constants: the single source for the server and the tests,
 * mirroring `ActionCable::INTERNAL` (rails/rails:actioncable/lib/action_cable.rb).
 * See PROTOCOL.md for the wire contract.
 */
export const CABLE = Object.freeze({
  /** Where the cable is mounted (GitLab's path; Rails' default is `/cable`). */
  mountPath: '/-/cable',
  /** The one protocol the stock client accepts. */
  protocol: 'actioncable-v1-json',
  /** Offered last by the client so a server that cannot speak v1-json can stop it cleanly. */
  unsupportedProtocol: 'actioncable-unsupported',
  /** Seconds between server pings (Rails' BEAT_INTERVAL); the client is stale after 6 s of silence. */
  beatIntervalSeconds: 3,
});

/** `type` values of frames the server sends. */
export const MessageType = Object.freeze({
  welcome: 'welcome',
  disconnect: 'disconnect',
  ping: 'ping',
  confirmation: 'confirm_subscription',
  rejection: 'reject_subscription',
} as const);

/** `reason` values of `disconnect` frames. */
export const DisconnectReason = Object.freeze({
  unauthorized: 'unauthorized',
  invalidRequest: 'invalid_request',
  serverRestart: 'server_restart',
  remote: 'remote',
  slowConsumer: 'slow_consumer',
  /** The server failed while identifying the connection; the client should try again. */
  serverError: 'server_error',
  /** The client sent frames faster than the connection's rate limit allows. */
  rateLimited: 'rate_limited',
  /** The client queued more commands than the connection runs before answering. */
  tooManyCommands: 'too_many_commands',
} as const);
export type DisconnectReason = (typeof DisconnectReason)[keyof typeof DisconnectReason];

/** `command` values of frames the client sends. */
export const Command = Object.freeze({
  subscribe: 'subscribe',
  unsubscribe: 'unsubscribe',
  message: 'message',
} as const);
export type Command = (typeof Command)[keyof typeof Command];
