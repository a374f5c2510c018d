-- The issue list's order, newest created first with ties by id (server/src/db/issue-list.ts): a
-- keyset page reads its rows from this index instead of sorting every issue of the project.
CREATE INDEX "issues_project_id_created_at_id_idx" ON "issues" USING btree ("project_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);