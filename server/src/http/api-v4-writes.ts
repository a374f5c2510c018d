import { Router } from 'express';
import type { Logger } from 'pino';
import { z } from 'zod';

import { Ability, isAdmin } from '../permissions/ability.js';
import { AccessLevel, type AccountRecord, type IdentityRepository } from '../domain/identity.js';
import type { IssueCreateService } from '../domain/issue-create-service.js';
import { hashPassword } from '../domain/passwords.js';
import type { IssueRepository } from '../domain/repository.js';

import { projectOf, signedIn } from './api-v4-helpers.js';
import { issueJson } from './issue-json.js';
import { id, INVALID, parseBody } from './rest-body.js';

export interface ApiV4WriteDeps {
  identity: IdentityRepository;
  repository: IssueRepository;
  /** The one create path, shared with GraphQL's `createIssue`. */
  issueCreator: IssueCreateService;
  logger: Logger;
}

const LEVELS: readonly number[] = Object.values(AccessLevel);

const NewIssue = z.object({
  title: z
    .string(INVALID)
    .trim()
    .min(1, INVALID)
    .max(255, 'is too long (maximum is 255 characters)'),
  description: z.string(INVALID).nullish(),
  confidential: z.boolean(INVALID).default(false),
  assignee_ids: z.array(id, INVALID).default([]),
});

const NewUser = z.object({
  username: z.string(INVALID).regex(/^[a-zA-Z0-9_][a-zA-Z0-9_.-]{0,254}$/, INVALID),
  name: z
    .string(INVALID)
    .trim()
    .min(1, INVALID)
    .max(255, 'is too long (maximum is 255 characters)'),
  // Devise (GitLab's accounts) strips and lower-cases emails: one address, one account.
  email: z
    .string(INVALID)
    .trim()
    .toLowerCase()
    .max(255, 'is too long (maximum is 255 characters)')
    .pipe(z.email(INVALID)),
  password: z.string(INVALID).min(8, 'is too short (minimum is 8 characters)').max(1024, INVALID),
  admin: z.boolean(INVALID).default(false),
});

const NewMember = z.object({
  user_id: id,
  access_level: z
    .number(INVALID)
    .refine((level) => LEVELS.includes(level), { error: 'does not have a valid value' }),
});

/**
 * Creating issues, users and memberships at GitLab's REST paths, with GitLab's rules: issues need
 * reporter and up, users an admin, memberships a maintainer of the project (or an admin). A
 * project the caller may not see answers 404 like a missing one; every write is one statement or
 * one transaction.
 */
export function apiV4WriteRoutes(deps: ApiV4WriteDeps): Router {
  const router = Router();
  const creator = deps.issueCreator;

  router.post('/api/v4/projects/:id/issues', async (req, res) => {
    const account = signedIn(req, res, 'write');
    if (!account) return;
    const body = parseBody(NewIssue, req, res);
    if (!body) return;
    const { title, description, confidential, assignee_ids: ids } = body;
    const project = await projectOf(deps.repository, req.params.id ?? '');
    const result = project
      ? await creator.create({
          project,
          actor: account,
          title,
          description: description ?? null,
          confidential,
          assigneeIds: ids.filter((id) => id !== 0),
        })
      : { kind: 'hidden' as const };
    switch (result.kind) {
      case 'hidden':
        return void res.status(404).json({ message: '404 Project Not Found' });
      case 'forbidden':
        return void res.status(403).json({ message: '403 Forbidden' });
      case 'invalid':
        return void res.status(400).json({ message: result.errors });
      case 'created':
        return void res.status(201).json(issueJson(result.issue));
    }
  });

  router.post('/api/v4/users', async (req, res) => {
    const account = signedIn(req, res, 'write');
    if (!account) return;
    if (!isAdmin(account)) return void res.status(403).json({ message: '403 Forbidden' });
    const body = parseBody(NewUser, req, res);
    if (!body) return;
    const { username, name, email, password, admin } = body;
    const created = await deps.identity.createAccount({
      username,
      name,
      email,
      passwordHash: await hashPassword(password),
      admin,
    });
    if (created.kind === 'taken') {
      const taken = created.field === 'email' ? 'Email' : 'Username';
      return void res.status(409).json({ message: `${taken} has already been taken` });
    }
    const user = created.account;
    deps.logger.info({ userId: user.id, by: account.id, admin }, 'user created');
    // The email only here, to the admin who created the user (GitLab's UserWithAdmin).
    res.status(201).json({ ...userJson(user), email, is_admin: user.admin });
  });

  router.post('/api/v4/projects/:id/members', async (req, res) => {
    const account = signedIn(req, res, 'write');
    if (!account) return;
    const body = parseBody(NewMember, req, res);
    if (!body) return;
    const { user_id: userId, access_level: level } = body;
    const project = await projectOf(deps.repository, req.params.id ?? '');
    const viewer = project
      ? ((await deps.identity.projectViewers(project.id, [account.id])).get(account.id) ?? null)
      : null;
    if (!project || !Ability.readProject(viewer, project)) {
      return void res.status(404).json({ message: '404 Project Not Found' });
    }
    if (!Ability.adminMembers(viewer, project)) {
      return void res.status(403).json({ message: '403 Forbidden' });
    }
    if (!viewer?.admin && level > (viewer?.accessLevel ?? 0)) {
      // GitLab: nobody grants more than they have (a maintainer cannot make owners).
      return void res
        .status(403)
        .json({ message: '403 Forbidden', error: 'access_level too high' });
    }
    const member = await deps.identity.findAccountById(userId);
    if (!member) return void res.status(404).json({ message: '404 User Not Found' });
    if (!(await deps.identity.addMember(project.id, member.id, level as AccessLevel))) {
      return void res.status(409).json({ message: 'Member already exists' });
    }
    deps.logger.info(
      { projectId: project.id, userId: member.id, accessLevel: level, by: account.id },
      'member added',
    );
    res.status(201).json({ ...userJson(member), access_level: level });
  });

  return router;
}

function userJson(account: AccountRecord) {
  return { id: account.id, username: account.username, name: account.name, state: account.state };
}
