import { print } from 'graphql';
import { describe, expect, it } from 'vitest';

import { IssueUpdatedDocument } from '@shared/graphql/generated/operations.js';

import { CableClient, graphqlIdentifier, type Frame } from '../../test/cable-client.js';
import { graphqlRequest, startTestServer } from '../../test/start-test-server.js';

/**
 * The bad-input corpus: every malformed or hostile frame gets its documented answer (ignored,
 * rejected, an error payload, or a close), the connection keeps working where the protocol says
 * it should, and the process survives all of it.
 */
// An identifier limit well under the frame limit, so a huge identifier is rejected, not closed.
const server = await startTestServer({
  cable: { maxPayload: 16 * 1024, maxIdentifierLength: 1024 },
});
const control = graphqlIdentifier('control');
const subscribed = graphqlIdentifier('subscribed');

type Outcome =
  | { kind: 'ignored' }
  | { kind: 'reject'; identifier: string }
  | { kind: 'error'; message: string }
  | { kind: 'answered'; contains: string }
  | { kind: 'close'; code: number };

const ignored: Outcome = { kind: 'ignored' };
const cases: [string, string | Uint8Array, Outcome][] = [
  ['invalid JSON', '{"command":', ignored],
  ['an empty frame', '', ignored],
  ['JSON null', 'null', ignored],
  ['a JSON number', '42', ignored],
  ['a JSON string', '"subscribe"', ignored],
  ['a JSON array', '[{"command":"subscribe"}]', ignored],
  ['an object without command', '{}', ignored],
  ['an unknown command', '{"command":"history","identifier":"x"}', ignored],
  ['a command that is not a string', '{"command":["subscribe"],"identifier":"x"}', ignored],
  ['subscribe without identifier', '{"command":"subscribe"}', ignored],
  ['a numeric identifier', '{"command":"subscribe","identifier":7}', ignored],
  [
    'an object identifier',
    '{"command":"subscribe","identifier":{"channel":"GraphqlChannel"}}',
    ignored,
  ],
  ['message without data', JSON.stringify({ command: 'message', identifier: subscribed }), ignored],
  [
    'message with numeric data',
    JSON.stringify({ command: 'message', identifier: subscribed, data: 1 }),
    ignored,
  ],
  [
    'message data that is not JSON',
    JSON.stringify({ command: 'message', identifier: subscribed, data: '{nope' }),
    ignored,
  ],
  [
    'message data that is an array',
    JSON.stringify({ command: 'message', identifier: subscribed, data: '[]' }),
    ignored,
  ],
  [
    'message for an identifier never subscribed',
    JSON.stringify({
      command: 'message',
      identifier: graphqlIdentifier('nope'),
      data: '{"action":"execute"}',
    }),
    ignored,
  ],
  [
    'an unknown action',
    JSON.stringify({
      command: 'message',
      identifier: subscribed,
      data: '{"action":"drop_tables"}',
    }),
    ignored,
  ],
  [
    'a prototype action',
    JSON.stringify({ command: 'message', identifier: subscribed, data: '{"action":"__proto__"}' }),
    ignored,
  ],
  [
    'unsubscribe of an unknown identifier',
    JSON.stringify({ command: 'unsubscribe', identifier: 'whatever' }),
    ignored,
  ],
  ['a binary frame', new Uint8Array([1, 2, 3, 255]), ignored],
  ['deeply nested JSON', '['.repeat(5000) + ']'.repeat(5000), ignored],
  [
    'an identifier that is not JSON',
    JSON.stringify({ command: 'subscribe', identifier: 'GraphqlChannel' }),
    { kind: 'reject', identifier: 'GraphqlChannel' },
  ],
  [
    'an identifier that is a JSON array',
    JSON.stringify({ command: 'subscribe', identifier: '["GraphqlChannel"]' }),
    { kind: 'reject', identifier: '["GraphqlChannel"]' },
  ],
  [
    'the base Channel class',
    JSON.stringify({ command: 'subscribe', identifier: '{"channel":"Channel"}' }),
    { kind: 'reject', identifier: '{"channel":"Channel"}' },
  ],
  [
    'a prototype key as channel',
    JSON.stringify({ command: 'subscribe', identifier: '{"channel":"constructor"}' }),
    { kind: 'reject', identifier: '{"channel":"constructor"}' },
  ],
  [
    'a huge identifier',
    JSON.stringify({ command: 'subscribe', identifier: graphqlIdentifier('x'.repeat(4000)) }),
    { kind: 'reject', identifier: graphqlIdentifier('x'.repeat(4000)) },
  ],
  [
    'execute with a query that is not a string',
    JSON.stringify({
      command: 'message',
      identifier: subscribed,
      data: '{"action":"execute","query":{"a":1}}',
    }),
    { kind: 'error', message: 'No query string was present' },
  ],
  [
    'execute with variables that are a number',
    JSON.stringify({
      command: 'message',
      identifier: subscribed,
      data: JSON.stringify({ action: 'execute', query: print(IssueUpdatedDocument), variables: 5 }),
    }),
    { kind: 'error', message: 'Variables must be an object' },
  ],
  [
    'execute with a wrongly typed variable',
    JSON.stringify({
      command: 'message',
      identifier: subscribed,
      data: JSON.stringify({
        action: 'execute',
        query: print(IssueUpdatedDocument),
        variables: { issueId: 5 },
      }),
    }),
    { kind: 'error', message: 'not a valid Global ID' },
  ],
  [
    'execute with an unknown operation name',
    JSON.stringify({
      command: 'message',
      identifier: subscribed,
      data: JSON.stringify({ action: 'execute', query: '{ __typename }', operationName: 'nope' }),
    }),
    { kind: 'error', message: 'Unknown operation named "nope"' },
  ],
  [
    'execute with a mutation of unknown users',
    JSON.stringify({
      command: 'message',
      identifier: subscribed,
      data: JSON.stringify({
        action: 'execute',
        query:
          'mutation { issueSetAssignees(input: {projectPath: "gitlab-org/gitlab-test", iid: "1", assigneeUsernames: ["<script>"]}) { errors } }',
      }),
    }),
    { kind: 'answered', contains: "don't have permission" },
  ],
  [
    'a frame over maxPayload',
    JSON.stringify({ command: 'subscribe', identifier: 'x'.repeat(20_000) }),
    { kind: 'close', code: 1009 },
  ],
];

async function connect(): Promise<CableClient> {
  const client = await CableClient.connect(server.url);
  expect(await client.nextNonPing()).toEqual({ type: 'welcome' });
  for (const identifier of [control, subscribed]) {
    client.subscribe(identifier);
    expect(await client.nextNonPing()).toEqual({ identifier, type: 'confirm_subscription' });
  }
  return client;
}

/** Frames before the answer to a harmless query on the control identifier. */
async function framesBeforeControl(client: CableClient): Promise<Frame[]> {
  client.perform(control, { action: 'execute', query: '{ __typename }' });
  const seen: Frame[] = [];
  for (;;) {
    const frame = await client.nextNonPing();
    if (frame.identifier === control) return seen;
    seen.push(frame);
  }
}

describe('bad input', () => {
  it.each(cases)('%s', async (_name, frame, outcome) => {
    const client = await connect();
    if (typeof frame === 'string') client.send(frame);
    else client.sendBinary(frame);

    if (outcome.kind === 'close') {
      expect((await client.waitForClose()).code).toBe(outcome.code);
      return;
    }
    const before = await framesBeforeControl(client);
    if (outcome.kind === 'ignored') {
      expect(before).toEqual([]);
    } else if (outcome.kind === 'answered') {
      // Errors as data, more:false, and nothing written (the service refuses unknown users).
      expect(before).toHaveLength(1);
      expect(before[0]?.message).toMatchObject({ more: false });
      expect(JSON.stringify(before[0]?.message)).toContain(outcome.contains);
    } else if (outcome.kind === 'reject') {
      expect(before).toEqual([{ identifier: outcome.identifier, type: 'reject_subscription' }]);
    } else {
      const [answer] = before;
      const message = answer?.message as {
        more: boolean;
        result: { errors: { message: string }[] };
      };
      expect(message.more).toBe(false);
      expect(message.result.errors[0]?.message).toContain(outcome.message);
      expect(JSON.stringify(message)).not.toMatch(/at \S+\.ts|node_modules/); // no stack traces
    }
    client.close();
  });

  it('leaves the server healthy after the whole corpus', async () => {
    const response = await graphqlRequest(
      server,
      '{ project(fullPath: "gitlab-org/gitlab-test") { name } }',
    );
    expect(response).toEqual({ data: { project: { name: 'GitLab Test' } } });
    expect(server.subscriptions.size).toBe(0);
  });
});
