import { Router } from 'express';
import type { Logger } from 'pino';

import { Ability, isAdmin } from '../permissions/ability.js';
import { AccessLevel, type AccountRecord, type IdentityRepository } from '../domain/identity.js';
import { IssueCreateService } from '../domain/issue-create-service.js';
import { hashPassword } from '../domain/passwords.js';
import type { IssueRepository } from '../domain/repository.js';

import { badRequest, isId, projectOf, signedIn } from './api-v4-helpers.js';
import { issueJson } from './issue-json.js';

export interface ApiV4WriteDeps {
  identity: IdentityRepository;
  repository: IssueRepository;
  logger: Logger;
}

const USERNAME = /^[a-zA-Z0-9_][a-zA-Z0-9_.-]{0,254}$/;
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}$/;
const LEVELS: readonly number[] = Object.values(AccessLevel);

/**
 * Creating issues, users and memberships at GitLab's REST paths, with GitLab's rules: issues need
 * reporter and up, users an admin, memberships a maintainer of the project (or an admin). A
 * project the caller may not see answers 404 like a missing one; every write is one statement or
 * one transaction.
 */
export function apiV4WriteRoutes(deps: ApiV4WriteDeps): Router {
  const router = Router();
  const creator = new IssueCreateService(deps.repository, deps.identity, deps.logger);

  router.post('/api/v4/projects/:id/issues', async (req, res) => {
    const account = signedIn(req, res, 'write');
    if (!account) return;
    const body = (req.body ?? {}) as Record<string, unknown>;
    const { title, description, confidential = false, assignee_ids: ids = [] } = body;
    if (typeof title !== 'string' || !title.trim() || title.length > 255) {
      return badRequest(res, 'title is missing or longer than 255 characters');
    }
    if (description !== undefined && description !== null && typeof description !== 'string') {
      return badRequest(res, 'description must be a string');
    }
    if (typeof confidential !== 'boolean') {
      return badRequest(res, 'confidential must be true or false');
    }
    if (!Array.isArray(ids) || !ids.every(isId)) {
      return badRequest(res, 'assignee_ids must be a list of user ids');
    }
    const project = await projectOf(deps.repository, req.params.id ?? '');
    const result = project
      ? await creator.create({
          project,
          actor: account,
          title: title.trim(),
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
    const {
      username,
      name,
      email,
      password,
      admin = false,
    } = (req.body ?? {}) as Record<string, unknown>;
    if (typeof username !== 'string' || !USERNAME.test(username)) {
      return badRequest(res, 'username is missing or invalid (letters, digits, _ . -)');
    }
    if (typeof name !== 'string' || !name.trim() || name.length > 255) {
      return badRequest(res, 'name is missing or longer than 255 characters');
    }
    if (typeof email !== 'string' || !EMAIL.test(email)) {
      return badRequest(res, 'email is missing or invalid');
    }
    if (typeof password !== 'string' || password.length < 8 || password.length > 1024) {
      return badRequest(res, 'password must be 8 to 1024 characters');
    }
    if (typeof admin !== 'boolean') return badRequest(res, 'admin must be true or false');
    const created = await deps.identity.createAccount({
      username,
      name: name.trim(),
      passwordHash: await hashPassword(password),
      admin,
    });
    if (!created) return void res.status(409).json({ message: 'Username has already been taken' });
    deps.logger.info({ userId: created.id, by: account.id, admin }, 'user created');
    // The email is checked for GitLab compatibility but not stored: accounts have no email yet.
    res.status(201).json({ ...userJson(created), email, is_admin: created.admin });
  });

  router.post('/api/v4/projects/:id/members', async (req, res) => {
    const account = signedIn(req, res, 'write');
    if (!account) return;
    const { user_id: userId, access_level: level } = (req.body ?? {}) as Record<string, unknown>;
    if (!isId(userId)) return badRequest(res, 'user_id is missing');
    if (typeof level !== 'number' || !LEVELS.includes(level)) {
      return badRequest(res, `access_level must be one of ${LEVELS.join(', ')}`);
    }
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
