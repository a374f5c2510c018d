import { and, eq } from 'drizzle-orm';
import { execute, parse, print } from 'graphql';
import { pino } from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';

import type { ChannelResult } from '@shared/graphql/channel.js';
import { IssueUpdatedDocument } from '@shared/graphql/generated/operations.js';

import type { AppDatabase } from '../db/database.js';
import { DrizzleUserStatusRepository } from '../db/drizzle-user-status-repository.js';
import { members } from '../db/schema.js';
import { drivers, useSeededFixture } from '../db/test-fixture.js';
import { IssueCreateService } from '../domain/issue-create-service.js';
import type { IdentityRepository } from '../domain/identity.js';
import { IssueUpdateService } from '../domain/issue-update-service.js';
import type { IssueRepository } from '../domain/repository.js';
import { UserStatusService } from '../domain/user-status-service.js';
import { createGraphQLContext, type ContextServices } from '../graphql/context.js';
import { GraphqlTriggers } from '../graphql/graphql-triggers.js';
import { buildSchema } from '../graphql/schema.js';
import { ActionCableSubscriptions } from '../graphql/subscriptions/action-cable-subscriptions.js';
import { MemoryAdapter } from '../pubsub/memory-adapter.js';

import { issueEventAuthorizer } from './issue-event-authorizer.js';
import { ANONYMOUS, type Principal } from './principal.js';
import { viewerVisibilityKey } from './visibility-key.js';

/**
 * The proof that nothing leaks: every persona × (public, private, confidential issue) × (query,
 * mutation, subscribe), and pushes after an issue is made confidential, on PGlite and on a real
 * PostgreSQL. Seed roles in gitlab-org/gitlab-test: alice maintainer, bob developer, carol
 * reporter, dave guest, frank developer but blocked, erin no membership, root admin. In the
 * private gitlab-org/secret-project: grace owner, alice reporter, dave guest.
 */
type Persona =
  'anonymous' | 'erin' | 'dave' | 'carol' | 'bob' | 'alice' | 'root' | 'frank' | 'grace';
/** Creation announces nothing anyone here listens to. */
const creatorOf = (repository: IssueRepository, identity: IdentityRepository) =>
  new IssueCreateService(
    repository,
    identity,
    { issueCreated: () => Promise.resolve() },
    pino({ level: 'silent' }),
  );
/** Presence is not what these tests check (see presence/*.test.ts). */
const noPresence = { viewersOf: () => Promise.resolve(null) };

const personas: Persona[] = [
  'anonymous',
  'erin',
  'dave',
  'carol',
  'bob',
  'alice',
  'root',
  'frank',
  'grace',
];

/** [project, iid, description, personas who may read, personas who may update]. */
const targets: [string, number, string, Persona[], Persona[]][] = [
  [
    'gitlab-org/gitlab-test',
    7,
    'public issue',
    ['anonymous', 'erin', 'dave', 'carol', 'bob', 'alice', 'root', 'grace'],
    ['carol', 'bob', 'alice', 'root'],
  ],
  [
    'gitlab-org/secret-project',
    1,
    'private project issue',
    ['dave', 'alice', 'root', 'grace'],
    ['alice', 'root', 'grace'],
  ],
  // Confidential, authored by bob and assigned to carol: a guest (dave) sees nothing of it.
  [
    'gitlab-org/gitlab-test',
    21,
    'confidential issue',
    ['carol', 'bob', 'alice', 'root'],
    ['carol', 'bob', 'alice', 'root'],
  ],
  // Confidential, authored by dave (a guest: the author rule) and assigned to carol.
  [
    'gitlab-org/gitlab-test',
    10,
    'confidential issue, author a guest',
    ['dave', 'carol', 'bob', 'alice', 'root'],
    ['dave', 'carol', 'bob', 'alice', 'root'],
  ],
];

describe.each(drivers)('permission matrix on %s', (driver) => {
  const fixture = useSeededFixture(driver);
  const schema = buildSchema();
  let services: ContextServices;
  const principals = new Map<Persona, Principal>();

  beforeAll(async () => {
    const { repository, identity } = fixture.database;
    const engine = new ActionCableSubscriptions(
      schema,
      new MemoryAdapter(),
      pino({ level: 'silent' }),
    );
    services = {
      repository,
      identity,
      issues: new IssueUpdateService(
        repository,
        identity,
        new GraphqlTriggers(engine),
        pino({ level: 'silent' }),
      ),
      issueCreator: creatorOf(repository, identity),
      userStatuses: statusesOf(fixture.database.db),
      presence: noPresence,
    };
    for (const persona of personas) {
      const account =
        persona === 'anonymous' ? null : await identity.findAccountByUsername(persona);
      principals.set(persona, account ? { account, readOnly: false } : ANONYMOUS);
    }
  });

  /** The seeded issue `project#iid` as the database has it now. */
  async function issueAt(project: string, iid: number) {
    const { repository } = fixture.database;
    const found = await repository.findProjectByFullPath(project);
    const issue = found ? await repository.findIssue(found.id, iid) : null;
    if (!issue) throw new Error(`seed issue ${project}#${iid} missing`);
    return issue;
  }

  const run = (persona: Persona, query: string) =>
    execute({
      schema,
      document: parse(query),
      contextValue: createGraphQLContext(services, principals.get(persona) ?? ANONYMOUS),
    });

  describe.each(targets)('%s #%i (%s)', (project, iid, _label, readers, updaters) => {
    it.each(personas)(
      '%s: query, mutation and subscribe agree with read_issue / update_issue',
      async (persona) => {
        const read = await run(
          persona,
          `{ project(fullPath: "${project}") { issue(iid: "${iid}") { id userPermissions { updateIssue } } } }`,
        );
        const issue =
          (
            read.data?.project as {
              issue: { id: string; userPermissions: { updateIssue: boolean } } | null;
            } | null
          )?.issue ?? null;
        expect(issue !== null, 'query').toBe(readers.includes(persona));
        expect(issue?.userPermissions.updateIssue ?? false, 'userPermissions').toBe(
          updaters.includes(persona),
        );

        // A no-op write (the current assignees again): permission is checked, nothing changes.
        const target = await issueAt(project, iid);
        const usernames = JSON.stringify(target.assignees.map((user) => user.username));
        const write = await run(
          persona,
          `mutation { issueSetAssignees(input: { projectPath: "${project}", iid: "${iid}", assigneeUsernames: ${usernames} }) { errors } }`,
        );
        const errors = (write.data?.issueSetAssignees as { errors: string[] }).errors;
        expect(errors.length === 0, 'mutation').toBe(updaters.includes(persona));

        // The sidebar's other fields (labels, milestone, due date), again as a no-op write.
        const labelIds = JSON.stringify(target.labels.map((label) => String(label.id)));
        const milestoneId = target.milestone ? `"${target.milestone.id}"` : 'null';
        const dueDate = target.dueDate ? `"${target.dueDate}"` : 'null';
        const sidebar = await run(
          persona,
          `mutation { updateIssue(input: { projectPath: "${project}", iid: "${iid}", labelIds: ${labelIds}, milestoneId: ${milestoneId}, dueDate: ${dueDate} }) { errors } }`,
        );
        const sidebarErrors = (sidebar.data?.updateIssue as { errors: string[] }).errors;
        expect(sidebarErrors.length === 0, 'updateIssue').toBe(updaters.includes(persona));
        const dated = await run(
          persona,
          `mutation { issueSetDueDate(input: { projectPath: "${project}", iid: "${iid}", dueDate: ${dueDate} }) { errors } }`,
        );
        const datedErrors = (dated.data?.issueSetDueDate as { errors: string[] }).errors;
        expect(datedErrors.length === 0, 'issueSetDueDate').toBe(updaters.includes(persona));
        expect(await issueAt(project, iid), 'no-op writes change nothing').toEqual(target);

        const engine = new ActionCableSubscriptions(
          schema,
          new MemoryAdapter(),
          pino({ level: 'silent' }),
        );
        const payloads: ChannelResult[] = [];
        const transport = {
          transmit: (p: ChannelResult) => payloads.push(p),
          transmitSerialized: (j: string) => payloads.push(JSON.parse(j) as ChannelResult),
        };
        const context = createGraphQLContext(services, principals.get(persona) ?? ANONYMOUS);
        const gid = `gid://gitlab/Issue/${target.id}`;
        await engine.runOperation(
          { query: print(IssueUpdatedDocument), variables: { issueId: gid }, action: 'execute' },
          context,
          transport,
        );
        expect(payloads[0]?.more, 'subscribe').toBe(readers.includes(persona));
      },
    );
  });

  // create_issue: reporters and up (and admins); a guest, a stranger, a blocked member and an
  // anonymous visitor are refused, and a refused creation writes nothing.
  describe.each([
    ['gitlab-org/gitlab-test', ['carol', 'bob', 'alice', 'root']],
    ['gitlab-org/secret-project', ['alice', 'root', 'grace']],
  ] as [string, Persona[]][])('createIssue in %s', (project, creators) => {
    it.each(personas)('%s: userPermissions.createIssue and createIssue agree', async (persona) => {
      const { repository } = fixture.database;
      const projectId = (await repository.findProjectByFullPath(project))?.id ?? 0;
      const count = async () => (await repository.listIssues(projectId, 10_000)).length;
      const before = await count();
      const read = await run(
        persona,
        `{ project(fullPath: "${project}") { userPermissions { createIssue } } }`,
      );
      const permissions = (
        read.data?.project as { userPermissions: { createIssue: boolean } } | null
      )?.userPermissions;
      expect(permissions?.createIssue ?? false, 'userPermissions').toBe(creators.includes(persona));
      const write = await run(
        persona,
        `mutation { createIssue(input: { projectPath: "${project}", title: "By ${persona}" }) { issue { title } errors } }`,
      );
      const payload = write.data?.createIssue as {
        issue: { title: string } | null;
        errors: string[];
      };
      expect(payload.errors.length === 0, 'mutation').toBe(creators.includes(persona));
      expect(payload.issue?.title ?? null).toBe(
        creators.includes(persona) ? `By ${persona}` : null,
      );
      expect(await count(), 'issues written').toBe(before + (creators.includes(persona) ? 1 : 0));
    });
  });

  it('pushes after an issue is made confidential reach only those who may still read it', async () => {
    const { repository, identity } = fixture.database;
    const adapter = new MemoryAdapter();
    const engine = new ActionCableSubscriptions(schema, adapter, pino({ level: 'silent' }), {
      authorize: issueEventAuthorizer(identity),
    });
    const issues = new IssueUpdateService(
      repository,
      identity,
      new GraphqlTriggers(engine),
      pino({ level: 'silent' }),
    );
    const pushServices = {
      repository,
      identity,
      issues,
      issueCreator: creatorOf(repository, identity),
      userStatuses: statusesOf(fixture.database.db),
      presence: noPresence,
    };
    const issue = await fixture.issue(8); // public; authored by bob, assigned to dave (a guest)
    const received = new Map<Persona, ChannelResult[]>();
    for (const persona of personas) {
      const payloads: ChannelResult[] = [];
      received.set(persona, payloads);
      const transport = {
        transmit: (p: ChannelResult) => payloads.push(p),
        transmitSerialized: (j: string) => payloads.push(JSON.parse(j) as ChannelResult),
      };
      await engine.runOperation(
        {
          query: print(IssueUpdatedDocument),
          variables: { issueId: `gid://gitlab/Issue/${issue.id}` },
          action: 'execute',
        },
        createGraphQLContext(pushServices, principals.get(persona) ?? ANONYMOUS),
        transport,
      );
    }
    const alice = principals.get('alice')?.account ?? null;
    expect(
      await issues.setConfidential({
        projectPath: 'gitlab-org/gitlab-test',
        iid: '8',
        confidential: true,
        actor: alice,
      }),
    ).toMatchObject({ errors: [] });
    await expect
      .poll(() =>
        [...received.values()].every(
          (payloads) => payloads.length >= 2 || payloads[0]?.more === false,
        ),
      )
      .toBe(true);

    // Still readers: reporter and up, admins, the author (bob) and the assignee (dave).
    const keep: Persona[] = ['dave', 'carol', 'bob', 'alice', 'root'];
    for (const persona of personas) {
      const after = (received.get(persona) ?? []).slice(1);
      if (keep.includes(persona)) {
        expect(after[0], persona).toMatchObject({
          more: true,
          result: { data: { issueUpdated: { id: `gid://gitlab/Issue/${issue.id}` } } },
        });
      } else if (persona === 'frank') {
        // Blocked: already refused when subscribing, so there is nothing to end.
        expect(received.get(persona)?.[0]?.more, persona).toBe(false);
      } else {
        expect(after, persona).toEqual([{ more: false }]); // ended, and nothing of the issue
      }
    }
    await issues.setConfidential({
      projectPath: 'gitlab-org/gitlab-test',
      iid: '8',
      confidential: false,
      actor: alice,
    });
  });

  it("a push after a membership is removed ends that member's subscription to a private issue", async () => {
    const { repository, identity, db } = fixture.database;
    const adapter = new MemoryAdapter();
    const engine = new ActionCableSubscriptions(schema, adapter, pino({ level: 'silent' }), {
      authorize: issueEventAuthorizer(identity),
    });
    const issues = new IssueUpdateService(
      repository,
      identity,
      new GraphqlTriggers(engine),
      pino({ level: 'silent' }),
    );
    const secret = await issueAt('gitlab-org/secret-project', 2);
    const payloads: ChannelResult[] = [];
    const transport = {
      transmit: (p: ChannelResult) => payloads.push(p),
      transmitSerialized: (j: string) => payloads.push(JSON.parse(j) as ChannelResult),
    };
    const dave = principals.get('dave') ?? ANONYMOUS; // a guest of the private project
    await engine.runOperation(
      {
        query: print(IssueUpdatedDocument),
        variables: { issueId: `gid://gitlab/Issue/${secret.id}` },
        action: 'execute',
      },
      createGraphQLContext(
        {
          repository,
          identity,
          issues,
          issueCreator: creatorOf(repository, identity),
          userStatuses: statusesOf(fixture.database.db),
          presence: noPresence,
        },
        dave,
      ),
      transport,
    );
    expect(payloads[0]?.more).toBe(true);

    await db
      .delete(members)
      .where(
        and(eq(members.projectId, secret.projectId), eq(members.userId, dave.account?.id ?? 0)),
      );
    const grace = principals.get('grace')?.account ?? null; // the owner changes the issue
    expect(
      await issues.setAssignees({
        projectPath: 'gitlab-org/secret-project',
        iid: '2',
        usernames: ['grace'],
        mode: 'REPLACE',
        actor: grace,
      }),
    ).toMatchObject({ errors: [] });
    await expect.poll(() => payloads.length).toBe(2);
    expect(payloads[1]).toEqual({ more: false }); // ended, with nothing of the issue
  });

  it('never shares a viewer-specific result (userPermissions) between subscribers', async () => {
    const { repository, identity } = fixture.database;
    const engine = new ActionCableSubscriptions(
      schema,
      new MemoryAdapter(),
      pino({ level: 'silent' }),
      {
        authorize: issueEventAuthorizer(identity),
        visibilityKey: viewerVisibilityKey,
      },
    );
    const issues = new IssueUpdateService(
      repository,
      identity,
      new GraphqlTriggers(engine),
      pino({ level: 'silent' }),
    );
    const issue = await issueAt('gitlab-org/gitlab-test', 9);
    const query =
      'subscription($id: IssueID!) { issueUpdated(issueId: $id) { id userPermissions { updateIssue } } }';
    const received = new Map<Persona, ChannelResult[]>();
    for (const persona of ['alice', 'dave', 'anonymous', 'erin'] as Persona[]) {
      const payloads: ChannelResult[] = [];
      received.set(persona, payloads);
      await engine.runOperation(
        { query, variables: { id: `gid://gitlab/Issue/${issue.id}` }, action: 'execute' },
        createGraphQLContext(
          {
            repository,
            identity,
            issues,
            issueCreator: creatorOf(repository, identity),
            userStatuses: statusesOf(fixture.database.db),
            presence: noPresence,
          },
          principals.get(persona) ?? ANONYMOUS,
        ),
        {
          transmit: (p: ChannelResult) => payloads.push(p),
          transmitSerialized: (j: string) => payloads.push(JSON.parse(j) as ChannelResult),
        },
      );
    }
    expect(engine.groupCount).toBe(4); // one per viewer: nothing viewer-specific is shared
    const alice = principals.get('alice')?.account ?? null;
    await issues.setAssignees({
      projectPath: 'gitlab-org/gitlab-test',
      iid: '9',
      usernames: ['bob'],
      mode: 'REPLACE',
      actor: alice,
    });
    await expect
      .poll(() => [...received.values()].every((payloads) => payloads.length === 2))
      .toBe(true);
    const canUpdate = (persona: Persona) =>
      (
        received.get(persona)?.[1]?.result?.data?.issueUpdated as {
          userPermissions: { updateIssue: boolean };
        }
      ).userPermissions.updateIssue;
    expect([
      canUpdate('alice'),
      canUpdate('dave'),
      canUpdate('anonymous'),
      canUpdate('erin'),
    ]).toEqual([true, false, false, false]);
  });
});

/** Statuses are read-only in these tests: their announcements go nowhere. */
function statusesOf(db: AppDatabase): UserStatusService {
  return new UserStatusService(
    new DrizzleUserStatusRepository(db),
    { issueUpdated: () => Promise.resolve(), issuableAssigneesUpdated: () => Promise.resolve() },
    pino({ level: 'silent' }),
  );
}
