-- Issue loads in ONE statement with a cached plan. Planning the join of issues, projects, two
-- users and the ordered assignees cost more than running it (about 1 ms of 1.3 on PGlite, where
-- every query is planned again); PL/pgSQL keeps the plan of its statements for the session.
-- The record's keys are IssueRecord's (server/src/domain/types.ts).
CREATE VIEW "issue_records" AS
SELECT
  i."id",
  i."project_id",
  i."iid",
  json_build_object(
    'id', i."id",
    'projectId', i."project_id",
    'projectFullPath', p."full_path",
    'projectVisibility', p."visibility",
    'iid', i."iid",
    'title', i."title",
    'description', i."description",
    'state', i."state",
    'confidential', i."confidential",
    'author', json_build_object('id', a."id", 'username', a."username", 'name', a."name"),
    'createdAt', i."created_at",
    'updatedAt', i."updated_at",
    'updatedBy', CASE WHEN e."id" IS NULL THEN NULL
      ELSE json_build_object('id', e."id", 'username', e."username", 'name', e."name") END,
    'assignees', (
      SELECT coalesce(
        json_agg(json_build_object('id', u."id", 'username', u."username", 'name', u."name")
          ORDER BY ia."position"),
        '[]'::json)
      FROM "issue_assignees" ia JOIN "users" u ON u."id" = ia."user_id"
      WHERE ia."issue_id" = i."id"
    )
  ) AS "record"
FROM "issues" i
JOIN "projects" p ON p."id" = i."project_id"
JOIN "users" a ON a."id" = i."author_id"
LEFT JOIN "users" e ON e."id" = i."updated_by_id";
--> statement-breakpoint
CREATE FUNCTION "issue_record_by_id"(issue_id integer) RETURNS json
LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN (SELECT r."record" FROM "issue_records" r WHERE r."id" = issue_id);
END $$;
--> statement-breakpoint
CREATE FUNCTION "issue_record_by_iid"(in_project_id integer, in_iid integer) RETURNS json
LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN (SELECT r."record" FROM "issue_records" r
          WHERE r."project_id" = in_project_id AND r."iid" = in_iid);
END $$;
--> statement-breakpoint
-- The row lock and the read that follows it, as one statement of the assignee update. The
-- record is read after the lock is granted, so it includes what the previous holder committed.
CREATE FUNCTION "issue_record_for_update"(in_issue_id integer) RETURNS json
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM 1 FROM "issues" WHERE "id" = in_issue_id FOR UPDATE;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;
  RETURN (SELECT r."record" FROM "issue_records" r WHERE r."id" = in_issue_id);
END $$;
--> statement-breakpoint
-- The write of an assignee update in one statement: the ordered list replaces the old one, and
-- updated_at moves forward by at least 1 ms (clients order pushes by it; the same rule as
-- bumpedUpdatedAt in drizzle-issue-repository.ts). Returns updated_at.
CREATE FUNCTION "set_issue_assignees"(in_issue_id integer, in_user_ids integer[], in_actor_id integer)
RETURNS timestamptz LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  updated timestamptz;
BEGIN
  DELETE FROM "issue_assignees" WHERE "issue_id" = in_issue_id;
  INSERT INTO "issue_assignees" ("issue_id", "user_id", "position")
    SELECT in_issue_id, u.id, (u.ord - 1)::integer
    FROM unnest(in_user_ids) WITH ORDINALITY AS u(id, ord);
  UPDATE "issues"
    SET "updated_at" = greatest(now(), "updated_at" + interval '1 millisecond'),
        "updated_by_id" = in_actor_id
    WHERE "id" = in_issue_id
    RETURNING "updated_at" INTO updated;
  RETURN updated;
END $$;
