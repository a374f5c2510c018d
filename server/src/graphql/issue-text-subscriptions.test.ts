import { describe, expect, it } from 'vitest';

import { CableClient, graphqlIdentifier, type Frame } from '../../test/cable-client.js';
import { graphqlAs, signIn, type SignedIn } from '../../test/sign-in.js';
import { startTestServer } from '../../test/start-test-server.js';
import { CONCURRENT_EDIT_MESSAGE } from '@shared/issue-edit.js';

import { NOT_FOUND_MESSAGE } from '../domain/issue-update-service.js';
import type { RunningServer } from '../start-server.js';

/**
 * Title, description and state edited over GraphQL and REST, on a real server with a raw cable
 * client: each change reaches GitLab's `issuableTitleUpdated` / `issuableDescriptionUpdated`
 * subscribers and `issueUpdated` once, a refused change reaches nobody, and nobody who may not
 * read the issue receives any of it.
 */
const server: RunningServer = await startTestServer();
const project = 'gitlab-org/gitlab-test';

const DOCUMENTS = {
  title: `subscription issuableTitleUpdated($issuableId: IssuableID!) {
    issuableTitleUpdated(issuableId: $issuableId) { ... on Issue { id title updatedAt } } }`,
  description: `subscription issuableDescriptionUpdated($issuableId: IssuableID!) {
    issuableDescriptionUpdated(issuableId: $issuableId) { ... on Issue { id description updatedAt } } }`,
  issue: `subscription issueUpdated($issueId: IssueID!) {
    issueUpdated(issueId: $issueId) { id title description state updatedAt } }`,
} as const;
type Kind = keyof typeof DOCUMENTS;

const sessions = new Map<string, SignedIn>();
async function session(username: string): Promise<SignedIn> {
  const found = sessions.get(username) ?? (await signIn(server, username));
  sessions.set(username, found);
  return found;
}

async function gid(iid: number): Promise<string> {
  const issue = await server.database.repository.findIssue(1, iid);
  if (!issue) throw new Error(`issue #${iid} missing`);
  return `gid://gitlab/Issue/${issue.id}`;
}

/** One cable connection (as `username`, or anonymous) with the three subscriptions on `iid`. */
async function viewer(iid: number, username: string | null) {
  const headers = username ? { cookie: (await session(username)).cookie } : undefined;
  const client = await CableClient.connect(server.url, headers ? { headers } : {});
  await client.nextNonPing();
  const id = await gid(iid);
  const identifiers = {} as Record<Kind, string>;
  const first = {} as Record<Kind, Frame>;
  for (const kind of Object.keys(DOCUMENTS) as Kind[]) {
    const identifier = graphqlIdentifier(`${username ?? 'anon'}-${kind}-${iid}`);
    identifiers[kind] = identifier;
    client.subscribe(identifier);
    await client.next((frame) => frame.identifier === identifier);
    client.perform(identifier, {
      query: DOCUMENTS[kind],
      variables: kind === 'issue' ? { issueId: id } : { issuableId: id },
      action: 'execute',
    });
    first[kind] = await client.next((frame) => frame.identifier === identifier);
  }
  client.discardRead();
  /** The data of each frame received on `kind` since the subscriptions' first payloads. */
  const pushes = (kind: Kind) =>
    client.frames
      .filter((frame) => frame.identifier === identifiers[kind])
      .map((frame) => (frame.message as { result?: { data?: Frame } }).result?.data ?? frame);
  return { client, identifiers, first, pushes };
}

type Viewer = Awaited<ReturnType<typeof viewer>>;

async function updateIssue(as: string | null, iid: number, input: Record<string, unknown>) {
  const { body } = await graphqlAs(
    server,
    as ? await session(as) : null,
    `mutation($input: UpdateIssueInput!) {
      updateIssue(input: $input) { errors issue { title description state } } }`,
    { input: { projectPath: project, iid: String(iid), ...input } },
  );
  return (body.data as { updateIssue: { errors: string[]; issue: Frame | null } }).updateIssue;
}

async function put(as: string | null, iid: number, body: unknown) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (as) {
    const { cookie, csrfToken } = await session(as);
    Object.assign(headers, { cookie, 'x-csrf-token': csrfToken });
  }
  const response = await fetch(
    `${server.url}/api/v4/projects/${encodeURIComponent(project)}/issues/${iid}`,
    { method: 'PUT', headers, body: JSON.stringify(body) },
  );
  return { status: response.status, body: (await response.json()) as Frame };
}

/**
 * A change of title and description together, awaited on every subscription of `viewers`:
 * events of one topic are delivered in order, so a frame a change before it wrongly caused
 * would have arrived by then.
 */
async function barrier(iid: number, viewers: Viewer[], marker: string) {
  expect((await updateIssue('alice', iid, { title: marker, description: marker })).errors).toEqual(
    [],
  );
  for (const { client, identifiers } of viewers)
    for (const identifier of Object.values(identifiers))
      await until(
        client,
        (frame) => frame.identifier === identifier && JSON.stringify(frame).includes(marker),
      );
}

/** Waits until some frame received on `client` matches (whatever next() has already read). */
async function until(client: CableClient, matches: (frame: Frame) => boolean): Promise<void> {
  while (!client.frames.some(matches)) await client.next();
}

describe('title, description and state, live', () => {
  it('pushes each change to its GitLab event and issueUpdated once, over GraphQL and REST', async () => {
    const carol = await viewer(5, 'carol');
    expect(carol.first.title.message).toMatchObject({
      more: true,
      result: {
        data: { issuableTitleUpdated: { title: 'Markdown tables lose alignment in preview' } },
      },
    });

    expect((await updateIssue('alice', 5, { title: ' Tables lose alignment ' })).errors).toEqual(
      [],
    );
    const rest = await put('alice', 5, {
      description: 'Seen in **preview**',
      state_event: 'close',
    });
    expect(rest).toMatchObject({
      status: 200,
      body: { state: 'closed', description: 'Seen in **preview**' },
    });
    expect((await updateIssue('alice', 5, { stateEvent: 'REOPEN' })).issue).toMatchObject({
      state: 'opened',
    });
    await barrier(5, [carol], 'barrier-1');

    // toMatchObject holds arrays to their length: exactly these pushes, in this order.
    expect(carol.pushes('title')).toMatchObject([
      { issuableTitleUpdated: { title: 'Tables lose alignment' } },
      { issuableTitleUpdated: { title: 'barrier-1' } },
    ]);
    expect(carol.pushes('description')).toMatchObject([
      { issuableDescriptionUpdated: { description: 'Seen in **preview**' } },
      { issuableDescriptionUpdated: { description: 'barrier-1' } },
    ]);
    expect(carol.pushes('issue').map((data) => (data.issueUpdated as Frame).state)).toEqual([
      'opened',
      'closed',
      'opened',
      'opened',
    ]);
    carol.client.close();
  });

  it('pushes nothing and writes nothing for a refused change', async () => {
    const carol = await viewer(3, 'carol');
    const before = await server.database.repository.findIssue(1, 3);
    const blank = await updateIssue('alice', 3, { title: '   ', stateEvent: 'CLOSE' });
    expect(blank).toEqual({ errors: ["Title can't be blank"], issue: null });
    const long = await put('alice', 3, { title: 'x'.repeat(256), description: 'kept out' });
    expect(long).toEqual({
      status: 400,
      body: { message: ['Title is too long (maximum is 255 characters)'] },
    });
    const stale = await updateIssue('alice', 3, {
      description: 'Based on an old version',
      expectedUpdatedAt: '2001-01-01T00:00:00.000Z',
    });
    // Refused inside the transaction: the answer carries the issue as it is.
    expect(stale).toEqual({
      errors: [CONCURRENT_EDIT_MESSAGE],
      issue: { title: before?.title, description: before?.description, state: 'opened' },
    });
    expect(await put('alice', 3, { state_event: 'archive' })).toEqual({
      status: 400,
      body: { error: 'state_event does not have a valid value' },
    });
    expect(await server.database.repository.findIssue(1, 3)).toEqual(before);
    await barrier(3, [carol], 'barrier-2');
    for (const kind of ['title', 'description', 'issue'] as const)
      expect(carol.pushes(kind)).toHaveLength(1); // the barrier's only
    carol.client.close();
  });

  it("takes GitLab's megabyte description over REST and GraphQL; one character more is refused", async () => {
    const most = 'é'.repeat(1_048_576); // 2 MiB of UTF-8: past the 64 KiB other REST bodies get
    expect((await put('alice', 6, { description: most })).status).toBe(200);
    expect((await updateIssue('alice', 7, { description: most })).errors).toEqual([]);
    expect(await put('alice', 6, { description: `${most}!` })).toEqual({
      status: 400,
      body: { message: ['Description is too long (maximum is 1048576 characters)'] },
    });
    expect((await server.database.repository.findIssue(1, 6))?.description).toBe(most);

    // Past 4 MiB the body is refused unread (413); the rest of the REST API keeps 64 KiB.
    const alice = await session('alice');
    const send = (method: string, path: string, body: string) =>
      fetch(`${server.url}${path}`, {
        method,
        headers: {
          'content-type': 'application/json',
          cookie: alice.cookie,
          'x-csrf-token': alice.csrfToken,
        },
        body,
      }).then((response) => response.status);
    const huge = JSON.stringify({ description: 'x'.repeat(5 * 1024 * 1024) });
    const issues = `/api/v4/projects/${encodeURIComponent(project)}/issues`;
    expect(await send('PUT', `${issues}/6`, huge)).toBe(413);
    expect(await send('POST', '/api/graphql', huge)).toBe(413);
    const member = JSON.stringify({ user_id: 1, access_level: 30, note: 'x'.repeat(100_000) });
    expect(
      await send('POST', `/api/v4/projects/${encodeURIComponent(project)}/members`, member),
    ).toBe(413);
  });

  it('refuses anonymous visitors and guests with the not-found message', async () => {
    const before = await server.database.repository.findIssue(1, 4);
    for (const who of [null, 'dave'])
      expect(await updateIssue(who, 4, { title: 'Mine now', stateEvent: 'CLOSE' })).toEqual({
        errors: [NOT_FOUND_MESSAGE],
        issue: null,
      });
    expect((await put(null, 4, { title: 'Mine now' })).status).toBe(401);
    expect(await put('dave', 4, { state_event: 'close' })).toEqual({
      status: 404,
      body: { message: '404 Issue Not Found' },
    });
    expect(await server.database.repository.findIssue(1, 4)).toEqual(before);
  });

  it('sends a viewer who may not read a confidential issue nothing of its text', async () => {
    const dave = await viewer(2, 'dave'); // a guest: reads public, non-confidential issues only
    const anonymous = await viewer(2, null);
    const carol = await viewer(2, 'carol'); // a reporter: reads confidential ones too
    const secret = 'Secret title, for reporters only';
    expect(
      (await updateIssue('alice', 2, { confidential: true, title: secret, description: secret }))
        .errors,
    ).toEqual([]);
    await barrier(2, [carol], 'barrier-3');
    // Each of their subscriptions ends with a bare {"more":false}, and nothing else arrives.
    for (const shut of [dave, anonymous]) {
      const identifiers = Object.values(shut.identifiers).sort();
      for (const identifier of identifiers)
        await until(shut.client, (frame) => frame.identifier === identifier);
      const received = shut.client.frames.filter((frame) => frame.type !== 'ping');
      expect(
        received.sort((a, b) => String(a.identifier).localeCompare(String(b.identifier))),
      ).toEqual(identifiers.map((identifier) => ({ identifier, message: { more: false } })));
    }
    // A new subscription is refused as for a missing issue.
    const late = await viewer(2, 'dave');
    expect(late.first.title.message).toMatchObject({
      result: {
        data: { issuableTitleUpdated: null },
        errors: [{ message: 'Unauthorized subscription' }],
      },
      more: false,
    });
    expect(carol.pushes('title').at(-1)).toMatchObject({
      issuableTitleUpdated: { title: 'barrier-3' },
    });
    for (const open of [dave, anonymous, carol, late]) open.client.close();
  });
});
