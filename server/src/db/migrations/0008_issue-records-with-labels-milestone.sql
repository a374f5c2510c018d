-- Issue records carry the issue's labels (by title), its milestone and its due date, so a push
-- after any sidebar change still reads nothing per subscriber. The keys stay IssueRecord's
-- (server/src/domain/types.ts); dates are `YYYY-MM-DD` strings. The functions of migration 0004
-- read this view by name and pick the new definition up.
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
    ),
    'labels', (
      SELECT coalesce(
        json_agg(json_build_object('id', l."id", 'title', l."title",
          'description', l."description", 'color', l."color") ORDER BY l."title", l."id"),
        '[]'::json)
      FROM "issue_labels" il JOIN "labels" l ON l."id" = il."label_id"
      WHERE il."issue_id" = i."id"
    ),
    'milestone', CASE WHEN m."id" IS NULL THEN NULL
      ELSE json_build_object('id', m."id", 'title', m."title", 'state', m."state",
        'startDate', m."start_date", 'dueDate', m."due_date") END,
    'dueDate', i."due_date"
  ) AS "record"
FROM "issues" i
JOIN "projects" p ON p."id" = i."project_id"
JOIN "users" a ON a."id" = i."author_id"
LEFT JOIN "user_statuses" sa ON sa."user_id" = a."id"
LEFT JOIN "users" e ON e."id" = i."updated_by_id"
LEFT JOIN "user_statuses" se ON se."user_id" = e."id"
LEFT JOIN "milestones" m ON m."id" = i."milestone_id";
