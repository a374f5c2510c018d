/**
 * Typed failures of the cable layer, each with a stable code for logs and tests.
 * Only connection.ts and subscriptions.ts map them to protocol outcomes.
 */
export class CableError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The identify hook refused the connection: `disconnect{unauthorized, reconnect:false}`. */
export class UnauthorizedError extends CableError {
  constructor(message = 'unauthorized') {
    super('CABLE_UNAUTHORIZED', message);
  }
}

/** The identifier does not name a known channel, or is not a JSON object: `reject_subscription`. */
export class ChannelNotFoundError extends CableError {
  constructor(message: string) {
    super('CABLE_CHANNEL_NOT_FOUND', message);
  }
}

/** `message` names an action the channel does not expose: logged and ignored. */
export class UnknownActionError extends CableError {
  constructor(action: string) {
    super('CABLE_UNKNOWN_ACTION', `unknown action ${JSON.stringify(action)}`);
  }
}
