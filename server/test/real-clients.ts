import * as ActionCable from '@rails/actioncable';
import { createConsumer, adapters, type Consumer } from '@rails/actioncable';
import { ApolloClient, HttpLink, InMemoryCache, split } from '@apollo/client/core';
import { getMainDefinition } from '@apollo/client/utilities';
import { Kind, OperationTypeNode } from 'graphql';
import * as ActionCableLinkModule from 'graphql-ruby-client/subscriptions/ActionCableLink';
import { WebSocket } from 'ws';

import { CABLE } from '@shared/cable/protocol.js';
import possibleTypes from '@shared/graphql/generated/possible-types.js';

import { TEST_ORIGIN } from './start-test-server.js';

/**
 * The stock browser clients, unmodified, running in Node: `@rails/actioncable`'s consumer with
 * `ws` as its WebSocket, graphql-ruby-client's ActionCableLink, and Apollo Client, wired exactly
 * as the Vue app wires them (split: subscriptions over the cable, the rest over HTTP).
 */

/** `ws` with the Origin a browser would send (the server refuses upgrades without one). */
// Counted outside the class: the consumer derives its state by scanning the WebSocket class's
// static properties for one equal to `readyState`, so a static counter would read as a state.
let opened = 0;
class BrowserLikeWebSocket extends WebSocket {
  constructor(url: string, protocols?: string | string[]) {
    super(url, protocols, { origin: TEST_ORIGIN });
    opened += 1;
  }
}

/** WebSockets the consumers opened so far (each reconnect opens one). */
export const socketsOpened = (): number => opened;

/** What the consumer logged (ActionCable.logger), e.g. "Protocol is unsupported". */
export const consumerLog: string[] = [];

// Node has no window: the consumer's monitor listens for `visibilitychange`, which never fires here.
const globals = globalThis as unknown as Record<string, unknown>;
globals.addEventListener ??= () => undefined;
globals.removeEventListener ??= () => undefined;
adapters.WebSocket = BrowserLikeWebSocket as unknown as typeof adapters.WebSocket;
adapters.logger = {
  log: (...parts: unknown[]) => consumerLog.push(parts.join(' ')),
} as unknown as Console;
ActionCable.logger.enabled = true;

/** What the tests use of the consumer's internals, which @types/rails__actioncable does not declare. */
export const connectionMonitor = (
  ActionCable as unknown as { ConnectionMonitor: { staleThreshold: number } }
).ConnectionMonitor;
export function isConnectionOpen(consumer: Consumer): boolean {
  return (consumer as unknown as { connection: { isOpen(): boolean } }).connection.isOpen();
}

type LinkClass = typeof ActionCableLinkModule.default;
// The package is CommonJS with `exports.default`; depending on the loader the class is one level down.
const ActionCableLink: LinkClass =
  (ActionCableLinkModule.default as unknown as { default?: LinkClass }).default ??
  ActionCableLinkModule.default;

export interface RealClients {
  consumer: Consumer;
  apollo: ApolloClient<unknown>;
  /** Calls made by ActionCableLink's `connected` callback ({reconnected}). */
  connectedCalls: ({ reconnected: boolean } | undefined)[];
  dispose(): void;
}

export function createRealClients(serverUrl: string): RealClients {
  const consumer = createConsumer(serverUrl.replace(/^http/, 'ws') + CABLE.mountPath);
  const connectedCalls: ({ reconnected: boolean } | undefined)[] = [];
  const cableLink = new ActionCableLink({
    cable: consumer,
    callbacks: { connected: (args) => connectedCalls.push(args) },
  });
  const link = split(
    ({ query }) => {
      const definition = getMainDefinition(query);
      return (
        definition.kind === Kind.OPERATION_DEFINITION &&
        definition.operation === OperationTypeNode.SUBSCRIPTION
      );
    },
    cableLink,
    new HttpLink({ uri: `${serverUrl}/api/graphql` }),
  );
  const apollo = new ApolloClient({
    link,
    cache: new InMemoryCache({ possibleTypes: possibleTypes.possibleTypes }),
  });
  return {
    consumer,
    apollo,
    connectedCalls,
    dispose() {
      apollo.stop();
      consumer.disconnect();
    },
  };
}
