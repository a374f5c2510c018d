/**
 * The read of an issue update: everything deciding it needs in ONE round trip, through
 * `issue_update_context` (migration 0010): the issue, the actor and the named users as viewers
 * of its project, the project's named labels (and the issue's own) and its named milestone.
 */
import { sql } from 'drizzle-orm';

import type { AccessLevel } from '../domain/identity.js';
import type { NamedUser, UpdateContext, UpdateContextRequest } from '../domain/repository.js';
import type { LabelRecord, MilestoneRecord, UserStatusRecord } from '../domain/types.js';
import { callFunction } from './call-function.js';
import type { AppDatabase } from './database.js';
import { toUserState } from './drizzle-identity-repository.js';
import { toIssueRecord, type IssueRecordJson } from './load-issues.js';

interface ViewerJson {
  state: string;
  admin: boolean;
  accessLevel: AccessLevel | null;
}

/** What `issue_update_context` answers (null: no such issue). */
type UserJson = ViewerJson & {
  id: number;
  username: string;
  name: string;
  status: UserStatusRecord | null;
};

interface ContextJson {
  issue: IssueRecordJson;
  actor: UserJson | null;
  users: UserJson[];
  labels: LabelRecord[];
  milestone: MilestoneRecord | null;
}

/** A PostgreSQL array literal of `values` (one parameter, whatever the driver). */
function arrayLiteral(values: readonly (string | number)[]): string {
  return `{${values.map((value) => `"${String(value).replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}

export async function loadUpdateContext(
  db: AppDatabase,
  request: UpdateContextRequest,
): Promise<UpdateContext | null> {
  const { projectPath, iid, actorId, usernames, labelIds, milestoneId } = request;
  const found = await callFunction<ContextJson>(
    db,
    sql`issue_update_context(${projectPath}::text, ${iid}::integer, ${actorId}::integer, ${arrayLiteral(usernames)}::text[], ${arrayLiteral(labelIds)}::integer[], ${milestoneId}::integer, ${request.lock === true}::boolean)`,
  );
  if (!found) return null;
  const named = ({ id, username, name, status, ...viewer }: UserJson): NamedUser => ({
    user: { id, username, name, status },
    viewer: {
      userId: id,
      state: toUserState(viewer.state),
      admin: viewer.admin,
      accessLevel: viewer.accessLevel,
    },
  });
  return {
    issue: toIssueRecord(found.issue),
    version: found.issue.updatedAt,
    actor: found.actor ? named(found.actor) : null,
    users: found.users.map(named),
    labels: found.labels,
    milestone: found.milestone,
  };
}
