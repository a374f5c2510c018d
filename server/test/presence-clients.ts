import { print } from 'graphql';

import {
  IssuableViewersUpdatedDocument,
  IssueUpdatedDocument,
} from '@shared/graphql/generated/operations.js';

import { CableClient, graphqlIdentifier, type Frame } from './cable-client.js';
import type { SignedIn } from './sign-in.js';

/** Issue `id`'s global ID. */
export const issueGid = (id: number) => `gid://gitlab/Issue/${id}`;

/** Viewers as a push or first payload shows them: usernames (sorted) and the anonymous count. */
export interface SeenViewers {
  usernames: string[];
  userCount: number;
  anonymousCount: number;
}

interface Options {
  auth?: SignedIn | null;
  origin?: string;
}

async function connect(url: string, options: Options): Promise<CableClient> {
  const client = await CableClient.connect(url, {
    headers: options.auth ? { cookie: options.auth.cookie } : {},
    ...(options.origin ? { origin: options.origin } : {}),
  });
  await client.nextNonPing(); // welcome
  return client;
}

async function execute(
  client: CableClient,
  channelId: string,
  query: string,
  variables: Record<string, unknown>,
): Promise<Frame> {
  const identifier = graphqlIdentifier(channelId);
  client.subscribe(identifier);
  await client.nextNonPing(); // confirm_subscription
  client.perform(identifier, { query, variables, action: 'execute' });
  return client.nextNonPing();
}

/** A page viewing issue `id`: a cable connection with a live `issueUpdated` subscription. */
export async function openViewer(url: string, id: number, options: Options = {}) {
  const client = await connect(url, options);
  const first = await execute(client, 'page', print(IssueUpdatedDocument), {
    issueId: issueGid(id),
  });
  if ((first.message as { more?: boolean }).more !== true) {
    throw new Error(`not viewing: ${JSON.stringify(first)}`);
  }
  return client;
}

/** The viewers in an `issuableViewersUpdated` frame; null when `viewers` is null (flag off). */
export function viewersIn(frame: Frame): SeenViewers | null {
  const viewers = (
    frame.message as {
      result?: {
        data?: {
          issuableViewersUpdated?: {
            viewers: {
              anonymousCount: number;
              users: { count: number; nodes: { username: string }[] };
            } | null;
          } | null;
        };
      };
    }
  ).result?.data?.issuableViewersUpdated?.viewers;
  if (!viewers) return null;
  return {
    usernames: viewers.users.nodes.map((user) => user.username).sort(),
    userCount: viewers.users.count,
    anonymousCount: viewers.anonymousCount,
  };
}

/** A subscriber of `issuableViewersUpdated(issuableId:)` on issue `id`, with its first frame. */
export async function watchViewers(url: string, id: number, options: Options = {}) {
  const client = await connect(url, options);
  const first = await execute(client, 'viewers', print(IssuableViewersUpdatedDocument), {
    issuableId: issueGid(id),
  });
  return {
    client,
    first,
    /** Waits for a push whose viewers match. */
    async until(matches: (viewers: SeenViewers | null) => boolean, timeoutMs = 5_000) {
      return viewersIn(
        await client.next((frame) => frame.type !== 'ping' && matches(viewersIn(frame)), timeoutMs),
      );
    },
    /** Every presence push received so far (first payload excluded). */
    pushes(): Frame[] {
      return client.frames.filter(
        (frame) =>
          frame.type !== 'ping' &&
          frame.message !== undefined &&
          frame !== first &&
          'result' in (frame.message as object),
      );
    },
  };
}
