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
