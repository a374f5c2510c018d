-- An issue update in two round trips (IssueUpdateService): one read of everything the decision
-- needs, and one statement that writes. The caller builds the record it pushes from the two:
-- the write reads nothing back. Both are PL/pgSQL, so their statements keep their plans for
-- the session (PGlite plans every statement again).
-- `set_issue_assignees` (0004) is no longer called; it stays for processes of the previous
-- release that share the database during a rolling deploy.
--
-- What deciding an update needs: the issue (its record, by project path and iid), the actor as
-- a viewer of the issue's project with their user record (null when there is no such user),
-- the users the request names by username with their membership of the project, the project's
-- labels among the ids the request names and the issue's own (by title, as records list them),
-- and the project's milestone the request names. NULL when the project or the issue does not
-- exist. `in_lock`: the issue row is locked first (FOR UPDATE, inside a transaction), so no
-- other write comes between this read and the caller's write.
CREATE FUNCTION "issue_update_context"(
  in_project_path text,
  in_iid integer,
  in_actor_id integer,
  in_usernames text[],
  in_label_ids integer[],
  in_milestone_id integer,
  in_lock boolean
) RETURNS json LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  found_issue_id integer;
  found_project_id integer;
BEGIN
  IF in_lock THEN
    SELECT i."id", i."project_id" INTO found_issue_id, found_project_id
      FROM "issues" i JOIN "projects" p ON p."id" = i."project_id"
      WHERE p."full_path" = in_project_path AND i."iid" = in_iid
      FOR UPDATE OF i;
  ELSE
    SELECT i."id", i."project_id" INTO found_issue_id, found_project_id
      FROM "issues" i JOIN "projects" p ON p."id" = i."project_id"
      WHERE p."full_path" = in_project_path AND i."iid" = in_iid;
  END IF;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;
  RETURN json_build_object(
    'issue', (SELECT r."record" FROM "issue_records" r WHERE r."id" = found_issue_id),
    'actor', (
      SELECT json_build_object('id', u."id", 'username', u."username", 'name', u."name",
          'status', CASE WHEN s."user_id" IS NULL THEN NULL ELSE json_build_object(
            'availability', s."availability", 'message', s."message", 'emoji', s."emoji") END,
          'state', u."state", 'admin', u."admin", 'accessLevel', m."access_level")
      FROM "users" u
      LEFT JOIN "user_statuses" s ON s."user_id" = u."id"
      LEFT JOIN "members" m ON m."user_id" = u."id" AND m."project_id" = found_project_id
      WHERE u."id" = in_actor_id
    ),
    'users', (
      SELECT coalesce(json_agg(json_build_object('id', u."id", 'username', u."username",
          'name', u."name",
          'status', CASE WHEN s."user_id" IS NULL THEN NULL ELSE json_build_object(
            'availability', s."availability", 'message', s."message", 'emoji', s."emoji") END,
          'state', u."state", 'admin', u."admin", 'accessLevel', m."access_level")),
        '[]'::json)
      FROM "users" u
      LEFT JOIN "user_statuses" s ON s."user_id" = u."id"
      LEFT JOIN "members" m ON m."user_id" = u."id" AND m."project_id" = found_project_id
      WHERE u."username" = ANY(in_usernames)
    ),
    'labels', (
      SELECT coalesce(json_agg(json_build_object('id', l."id", 'title', l."title",
          'description', l."description", 'color', l."color") ORDER BY l."title", l."id"),
        '[]'::json)
      FROM "labels" l
      WHERE l."project_id" = found_project_id AND (l."id" = ANY(in_label_ids)
        OR l."id" IN (SELECT il."label_id" FROM "issue_labels" il
          WHERE il."issue_id" = found_issue_id))
    ),
    'milestone', (
      SELECT json_build_object('id', m."id", 'title', m."title", 'state', m."state",
        'startDate', m."start_date", 'dueDate', m."due_date")
      FROM "milestones" m
      WHERE m."project_id" = found_project_id AND m."id" = in_milestone_id
    )
  );
END $$;
--> statement-breakpoint
-- The write of an issue update as ONE statement, atomic on its own: the row lock, the version
-- check, the checks of the ids the patch names, the writes and the updated_at bump; it answers
-- {"updatedAt": ...}, the new version. `in_patch` holds only the fields that change, by
-- IssuePatch's keys: assigneeIds (ordered), labelIds, milestoneId, dueDate and confidential;
-- title, description and state are written the same way when a patch names them. `in_version`
-- is the updated_at the caller decided on (the record's `updatedAt` as read, to the
-- microsecond): when another write moved it since, nothing is written and the answer is
-- {"stale": true}. NULL: the caller holds the row lock already. {"error": "issue" | "users" |
-- "labels" | "milestone", "ids": [...]} names what does not exist (a label or milestone of
-- another project does not count); nothing is written then either. updated_at moves forward
-- by at least 1 ms (clients order pushes by it).
CREATE FUNCTION "write_issue_patch"(
  in_issue_id integer,
  in_version timestamptz,
  in_actor_id integer,
  in_patch jsonb
) RETURNS json LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  current_version timestamptz;
  issue_project integer;
  assignee_ids integer[];
  label_ids integer[];
  milestone integer;
  missing integer[];
  new_version timestamptz;
BEGIN
  SELECT "updated_at", "project_id" INTO current_version, issue_project
    FROM "issues" WHERE "id" = in_issue_id FOR UPDATE;
  IF NOT FOUND THEN
    RETURN json_build_object('error', 'issue', 'ids', json_build_array(in_issue_id));
  END IF;
  IF in_version IS NOT NULL AND current_version <> in_version THEN
    RETURN json_build_object('stale', true);
  END IF;

  -- Every check before the first write: a refused patch writes nothing.
  IF in_patch ? 'assigneeIds' THEN
    assignee_ids := ARRAY(
      SELECT e::integer FROM jsonb_array_elements_text(in_patch->'assigneeIds') AS e);
    missing := ARRAY(SELECT a FROM unnest(assignee_ids) AS a
      WHERE NOT EXISTS (SELECT 1 FROM "users" u WHERE u."id" = a));
    IF cardinality(missing) > 0 THEN
      RETURN json_build_object('error', 'users', 'ids', missing);
    END IF;
  END IF;
  IF in_patch ? 'labelIds' THEN
    label_ids := ARRAY(
      SELECT e::integer FROM jsonb_array_elements_text(in_patch->'labelIds') AS e);
    missing := ARRAY(SELECT l FROM unnest(label_ids) AS l
      WHERE NOT EXISTS (SELECT 1 FROM "labels" x
        WHERE x."id" = l AND x."project_id" = issue_project));
    IF cardinality(missing) > 0 THEN
      RETURN json_build_object('error', 'labels', 'ids', missing);
    END IF;
  END IF;
  milestone := (in_patch->>'milestoneId')::integer;
  IF milestone IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "milestones" m
      WHERE m."id" = milestone AND m."project_id" = issue_project) THEN
    RETURN json_build_object('error', 'milestone', 'ids', json_build_array(milestone));
  END IF;

  IF assignee_ids IS NOT NULL THEN
    DELETE FROM "issue_assignees" WHERE "issue_id" = in_issue_id;
    INSERT INTO "issue_assignees" ("issue_id", "user_id", "position")
      SELECT in_issue_id, a.id, (a.ord - 1)::integer
      FROM unnest(assignee_ids) WITH ORDINALITY AS a(id, ord);
  END IF;
  IF label_ids IS NOT NULL THEN
    DELETE FROM "issue_labels" WHERE "issue_id" = in_issue_id;
    INSERT INTO "issue_labels" ("issue_id", "label_id")
      SELECT in_issue_id, l FROM unnest(label_ids) AS l;
  END IF;
  UPDATE "issues" SET
    "milestone_id" = CASE WHEN in_patch ? 'milestoneId' THEN milestone ELSE "milestone_id" END,
    "due_date" = CASE WHEN in_patch ? 'dueDate'
      THEN (in_patch->>'dueDate')::date ELSE "due_date" END,
    "confidential" = CASE WHEN in_patch ? 'confidential'
      THEN (in_patch->>'confidential')::boolean ELSE "confidential" END,
    "title" = CASE WHEN in_patch ? 'title' THEN in_patch->>'title' ELSE "title" END,
    "description" = CASE WHEN in_patch ? 'description'
      THEN in_patch->>'description' ELSE "description" END,
    "state" = CASE WHEN in_patch ? 'state' THEN in_patch->>'state' ELSE "state" END,
    "updated_at" = greatest(now(), "updated_at" + interval '1 millisecond'),
    "updated_by_id" = in_actor_id
  WHERE "id" = in_issue_id
  RETURNING "updated_at" INTO new_version;
  RETURN json_build_object('updatedAt', new_version);
END $$;
