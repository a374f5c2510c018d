import type { Consumer } from '@rails/actioncable';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { IssueDocument, IssueUpdatedDocument } from '@shared/graphql/generated/operations';

import { fakeConnection } from '../test-utils/apollo-test-context';
import { FULL_PATH, IID, ISSUE_ID, issueResult, issueUpdatedResult } from '../test-utils/fixtures';
import { createApolloClient, isSubscriptionOperation } from './client';
import { createRealtimeState } from './realtime-state';

interface FakeChannel {
  params: Record<string, unknown>;
  connected(args?: { reconnected: boolean }): void;
  received(payload: unknown): void;
  disconnected(): void;
  perform: ReturnType<typeof vi.fn>;
  unsubscribe: ReturnType<typeof vi.fn>;
}

/** Records what ActionCableLink asks of the consumer; the test calls the channel's callbacks. */
function fakeCable() {
  const channels: FakeChannel[] = [];
  const cable = {
    subscriptions: {
      create(params: Record<string, unknown>, mixin: object) {
        const channel = Object.assign({ params, perform: vi.fn(), unsubscribe: vi.fn() }, mixin);
        channels.push(channel as FakeChannel);
        return channel;
      },
    },
  } as unknown as Consumer;
  return { cable, channels };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('isSubscriptionOperation', () => {
  it('is true for subscriptions only', () => {
    expect(isSubscriptionOperation({ query: IssueUpdatedDocument })).toBe(true);
    expect(isSubscriptionOperation({ query: IssueDocument })).toBe(false);
  });
});

describe('createApolloClient', () => {
  it('sends subscriptions over Action Cable (GraphqlChannel) and reports their state', async () => {
    const { cable, channels } = fakeCable();
    const realtime = createRealtimeState(fakeConnection(), null);
    const client = createApolloClient({ cable, callbacks: realtime.callbacks });

    const next = vi.fn();
    const subscription = client
      .subscribe({ query: IssueUpdatedDocument, variables: { issueId: ISSUE_ID } })
      .subscribe({ next });

    const channel = channels[0];
    expect(channels).toHaveLength(1);
    expect(channel?.params.channel).toBe('GraphqlChannel');

    channel?.connected({ reconnected: false });
    expect(channel?.perform).toHaveBeenCalledWith(
      'execute',
      expect.objectContaining({
        operationName: 'issueUpdated',
        variables: { issueId: ISSUE_ID },
        query: expect.stringContaining('subscription issueUpdated') as unknown,
      }),
    );
    expect(realtime.state.value).toBe('connecting');

    channel?.received({ result: issueUpdatedResult(['alice']), more: true });
    await vi.waitFor(() => expect(next).toHaveBeenCalledTimes(1));
    expect(next).toHaveBeenCalledWith(
      expect.objectContaining({ data: issueUpdatedResult(['alice']).data }),
    );
    expect(realtime.state.value).toBe('live');

    subscription.unsubscribe();
    await vi.waitFor(() => expect(channel?.unsubscribe).toHaveBeenCalledTimes(1));
  });

  it('sends queries over HTTP to /api/graphql', async () => {
    const fetchMock = vi.fn((_url: string, _init?: RequestInit) =>
      Promise.resolve(new Response(JSON.stringify(issueResult([])))),
    );
    vi.stubGlobal('fetch', fetchMock);
    const { cable, channels } = fakeCable();
    const client = createApolloClient({
      cable,
      callbacks: createRealtimeState(fakeConnection(), null).callbacks,
    });

    const { data } = await client.query({
      query: IssueDocument,
      variables: { fullPath: FULL_PATH, iid: IID },
    });

    expect(data.project?.issue?.id).toBe(ISSUE_ID);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/graphql');
    expect(channels).toHaveLength(0);
  });
});
