import { Router, type Response } from 'express';
import type { Logger } from 'pino';
import { z } from 'zod';

import { isCalendarDate } from '../domain/dates.js';
import type { AccountRecord, IdentityRepository } from '../domain/identity.js';
import {
  MAX_LABELS,
  NOT_FOUND_MESSAGE,
  type IssueChanges,
  type IssueUpdateService,
  type UpdateResult,
} from '../domain/issue-update-service.js';
import type { IssueRepository } from '../domain/repository.js';
import type { ProjectRecord } from '../domain/types.js';
import { authOf, principalOf } from '../identity/request-auth.js';
import { Ability } from '../permissions/ability.js';

import { projectOf, signedIn } from './api-v4-helpers.js';
import { issueJson } from './issue-json.js';
import { id, INVALID, parseBody } from './rest-body.js';

export interface IssueRouteDeps {
  identity: IdentityRepository;
  repository: IssueRepository;
  issues: IssueUpdateService;
  logger: Logger;
}

/** An id the database's integer columns can hold: past it no record exists (and a query fails). */
const dbId = id.max(2_147_483_647, INVALID);

/** GitLab's label list: names, as an array or one comma-separated string. */
const labelNames = z
  .union(
    [z.string(INVALID).max(10_000, INVALID), z.array(z.string(INVALID).max(255, INVALID))],
    INVALID,
  )
  .transform((value) =>
    [
      ...new Set((Array.isArray(value) ? value : value.split(',')).map((name) => name.trim())),
    ].filter((name) => name !== ''),
  )
  .refine((names) => names.length <= MAX_LABELS, `may name at most ${MAX_LABELS} labels`);

/** `PUT /projects/:id/issues/:iid`'s body; every field optional, all applied in one transaction. */
function issueUpdateBody(maxAssignees: number) {
  return z.object({
    assignee_ids: z
      .array(dbId, INVALID)
      .refine((ids) => new Set(ids).size <= maxAssignees, `may name at most ${maxAssignees} users`)
      .optional(),
    assignee_id: dbId.nullish(),
    confidential: z.boolean(INVALID).optional(),
    labels: labelNames.optional(),
    add_labels: labelNames.optional(),
    remove_labels: labelNames.optional(),
    /** 0 or null removes the milestone (GitLab). */
    milestone_id: dbId.nullish(),
    /** `YYYY-MM-DD`; null or an empty string removes it. */
    due_date: z
      .string(INVALID)
      .refine((value) => value === '' || isCalendarDate(value), 'must be a date (YYYY-MM-DD)')
      .nullish(),
    // Their bounds (GitLab's) are the update service's: one wording for REST and GraphQL.
    title: z.string(INVALID).optional(),
    description: z.string(INVALID).nullish(),
    state_event: z.enum(['close', 'reopen'], 'does not have a valid value').optional(),
  });
}

const FIELDS =
  'assignee_ids, confidential, labels, add_labels, remove_labels, milestone_id, due_date, title, description or state_event';

/**
 * GitLab's issue endpoints: `GET /projects/:id/issues/:iid` (GitLab's issue JSON, for whoever may
 * read it) and `PUT` with any combination of assignees, confidentiality, labels (by name),
 * milestone, due date, title, description and `state_event`, applied by the update service in one transaction, or not at all.
 */
export function issueRoutes(deps: IssueRouteDeps): Router {
  const router = Router();
  const Body = issueUpdateBody(deps.issues.maxAssignees);

  router.get('/api/v4/projects/:id/issues/:iid', async (req, res) => {
    const account = principalOf(authOf(req)).account;
    const project = await projectOf(deps.repository, req.params.id ?? '');
    const iid = req.params.iid ?? '';
    const issue =
      project && /^\d{1,9}$/.test(iid)
        ? await deps.repository.findIssue(project.id, Number(iid))
        : null;
    const viewer =
      issue && account
        ? ((await deps.identity.projectViewers(issue.projectId, [account.id])).get(account.id) ??
          null)
        : null;
    if (!issue || !Ability.readIssue(viewer, issue)) {
      return void res.status(404).json({ message: '404 Issue Not Found' });
    }
    res.json(issueJson(issue));
  });

  router.put('/api/v4/projects/:id/issues/:iid', async (req, res) => {
    const account = signedIn(req, res, 'write');
    if (!account) return;
    const body = parseBody(Body, req, res);
    if (!body) return;
    const project = await projectOf(deps.repository, req.params.id ?? '');
    const target = {
      projectPath: project?.fullPath ?? '',
      iid: req.params.iid ?? '',
      actor: account,
    };
    const changes: IssueChanges = {};

    const ids = body.assignee_ids ?? (body.assignee_id == null ? undefined : [body.assignee_id]);
    if (ids) {
      const usernames = await usernamesOf(deps.identity, ids);
      if (!usernames) return badRequest(res, 'assignee_ids names an unknown user');
      changes.assignees = { usernames, mode: 'REPLACE' };
    }
    if (body.confidential !== undefined) changes.confidential = body.confidential;
    if (body.milestone_id !== undefined) changes.milestoneId = body.milestone_id || null;
    if (body.due_date !== undefined) changes.dueDate = body.due_date || null;
    if (body.title !== undefined) changes.title = body.title;
    if (body.description !== undefined) changes.description = body.description;
    if (body.state_event) changes.stateEvent = body.state_event === 'close' ? 'CLOSE' : 'REOPEN';
    if (body.labels || body.add_labels || body.remove_labels) {
      // Label names are the project's business: only its readers learn which ones exist.
      if (!project || !(await readsProject(deps.identity, account, project))) {
        return void res.status(404).json({ message: '404 Issue Not Found' });
      }
      const byTitle = new Map(
        (
          await deps.repository.findLabelsByTitles(project.id, [
            ...(body.labels ?? []),
            ...(body.add_labels ?? []),
            ...(body.remove_labels ?? []),
          ])
        ).map((label) => [label.title, label.id]),
      );
      const names = [body.labels, body.add_labels, body.remove_labels].flat();
      const unknown = names.filter((name): name is string => !!name && !byTitle.has(name));
      if (unknown.length > 0)
        return badRequest(res, `unknown labels: ${unknown.slice(0, 5).join(', ')}`);
      const idsOf = (list?: string[]) => list?.map((name) => byTitle.get(name) as number);
      changes.labels = {
        set: idsOf(body.labels),
        add: idsOf(body.add_labels),
        remove: idsOf(body.remove_labels),
      };
    }
    if (Object.keys(changes).length === 0) return badRequest(res, `${FIELDS} is missing`);

    const result = await deps.issues.update(target, changes);
    if (result.issue && result.errors.length === 0) {
      deps.logger.info(
        { userId: account.id, issueId: result.issue.id, fields: Object.keys(changes) },
        'issue updated over REST',
      );
    }
    answer(res, result);
  });

  return router;
}

/** The usernames of these user ids (0 means none), or null when one is unknown. */
async function usernamesOf(identity: IdentityRepository, ids: readonly number[]) {
  const accounts = await Promise.all(
    [...new Set(ids)].filter((id) => id !== 0).map((id) => identity.findAccountById(id)),
  );
  const known = accounts.filter((found): found is AccountRecord => found !== null);
  return known.length === accounts.length ? known.map((found) => found.username) : null;
}

async function readsProject(
  identity: IdentityRepository,
  account: AccountRecord,
  project: ProjectRecord,
): Promise<boolean> {
  const viewer = (await identity.projectViewers(project.id, [account.id])).get(account.id) ?? null;
  return Ability.readProject(viewer, project);
}

/** 404 without an existence oracle, the service's errors as GitLab's 400, or the issue. */
function answer(res: Response, result: UpdateResult): void {
  const [first] = result.errors;
  if (first !== undefined && first !== NOT_FOUND_MESSAGE)
    res.status(400).json({ message: result.errors });
  else if (!result.issue) res.status(404).json({ message: '404 Issue Not Found' });
  else res.json(issueJson(result.issue));
}

/** GitLab's 400 shape for a body that names what does not exist (as rest-body.ts answers). */
function badRequest(res: Response, error: string): void {
  res.status(400).json({ error });
}
