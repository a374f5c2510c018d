import type { ConnectionIdentity } from './cable/channel.js';
import type { IdentifyHook } from './cable/connection.js';
import { UnauthorizedError } from './cable/errors.js';
import type { IdentityRepository } from './domain/identity.js';
import { authenticate } from './identity/authenticate.js';
import { principalOf } from './identity/request-auth.js';
import type { Principal } from './permissions/principal.js';

/** The identity cable connections carry in this app: who, and with which credentials. */
export interface AppIdentity extends ConnectionIdentity {
  readonly principal: Principal;
}

/**
 * Identifies a cable connection from its upgrade request exactly as HTTP does: a bearer token
 * (scripts), else the session cookie (browsers), else anonymous. A bad bearer token is refused
 * (`disconnect{unauthorized, reconnect:false}`).
 */
export function identifyFromRequest(identity: IdentityRepository): IdentifyHook {
  return async (request) => {
    const auth = await authenticate(request.headers, identity);
    if (auth.kind === 'rejected') throw new UnauthorizedError(auth.reason);
    const principal = principalOf(auth);
    return { userId: principal.account?.id ?? null, principal } satisfies AppIdentity;
  };
}
