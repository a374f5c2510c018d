-- Every user in an issue record (author, last editor, assignees) carries its status, so the
-- sidebar's "Busy" marker needs no extra read, and an issue pushed after a status change
-- carries the new one. The record's keys stay IssueRecord's (server/src/domain/types.ts); a
-- user's `status` is null when the user has none. The functions of migration 0004 read this
-- view by name and pick the new definition up.
CREATE OR REPLACE VIEW "issue_records" AS
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
    'author', json_build_object('id', a."id", 'username', a."username", 'name', a."name",
      'status', CASE WHEN sa."user_id" IS NULL THEN NULL ELSE json_build_object(
        'availability', sa."availability", 'message', sa."message", 'emoji', sa."emoji") END),
    'createdAt', i."created_at",
    'updatedAt', i."updated_at",
    'updatedBy', CASE WHEN e."id" IS NULL THEN NULL
      ELSE json_build_object('id', e."id", 'username', e."username", 'name', e."name",
        'status', CASE WHEN se."user_id" IS NULL THEN NULL ELSE json_build_object(
          'availability', se."availability", 'message', se."message", 'emoji', se."emoji") END)
      END,
    'assignees', (
      SELECT coalesce(
        json_agg(json_build_object('id', u."id", 'username', u."username", 'name', u."name",
          'status', CASE WHEN s."user_id" IS NULL THEN NULL ELSE json_build_object(
            'availability', s."availability", 'message', s."message", 'emoji', s."emoji") END)
          ORDER BY ia."position"),
        '[]'::json)
      FROM "issue_assignees" ia
      JOIN "users" u ON u."id" = ia."user_id"
      LEFT JOIN "user_statuses" s ON s."user_id" = u."id"
      WHERE ia."issue_id" = i."id"
    )
  ) AS "record"
FROM "issues" i
JOIN "projects" p ON p."id" = i."project_id"
JOIN "users" a ON a."id" = i."author_id"
LEFT JOIN "user_statuses" sa ON sa."user_id" = a."id"
LEFT JOIN "users" e ON e."id" = i."updated_by_id"
LEFT JOIN "user_statuses" se ON se."user_id" = e."id";
