import { useMutation } from '@vue/apollo-composable';

import { UpdateIssueDocument, type UpdateIssueInput } from '@shared/graphql/generated/operations';
import { CONCURRENT_EDIT_MESSAGE } from '@shared/issue-edit';

/** GitLab's words when the edit form's save fails. */
export const UPDATE_FAILED = 'Error updating issue';
/** GitLab's words when closing or reopening fails. */
export const STATE_FAILED = 'Error occurred while updating the issue status';

/** The parts of GitLab's `updateIssue` the issue page sends. */
export type IssueTextInput = Pick<UpdateIssueInput, 'title' | 'description' | 'stateEvent'>;

/** The issue shown, for edits based on it: its version, and a way to read it again. */
export interface ShownIssue {
  /** The `updatedAt` of the issue on screen. */
  version(): string;
  /** Reads the issue again into the page (resolves once the page shows it). */
  refresh(): Promise<void>;
}

/**
 * GitLab's `updateIssue` for the issue page's title, description and state. The answer is
 * normalised into the shown issue by Apollo; every viewer gets the change through `issueUpdated`.
 * Answers the errors (empty: saved), never throws. One per control, so each has its own `saving`.
 */
export function useUpdateIssue(target: () => { projectPath: string; iid: string }) {
  const { mutate, loading: saving } = useMutation(UpdateIssueDocument, { throws: 'always' });

  async function update(input: UpdateIssueTextInput, failed = UPDATE_FAILED): Promise<string[]> {
    try {
      const result = await mutate({ input: { ...target(), ...input } });
      const payload = result?.data?.updateIssue;
      if (payload && payload.errors.length > 0) return payload.errors;
      return payload?.issue ? [] : [failed];
    } catch {
      return [failed];
    }
  }

  /**
   * Saves an edit based on the issue on screen (`expectedUpdatedAt`), so it never overwrites a
   * change this page has not shown yet. When someone saved in between, the page reads the issue
   * again and `again()` says what to send on the new version (null: the person must look first).
   */
  async function updateShown(
    shown: ShownIssue,
    input: IssueTextInput,
    again: () => IssueTextInput | null,
  ): Promise<string[]> {
    const errors = await update({ ...input, expectedUpdatedAt: shown.version() });
    if (errors[0] !== CONCURRENT_EDIT_MESSAGE) return errors;
    await shown.refresh();
    const next = again();
    return next ? update({ ...next, expectedUpdatedAt: shown.version() }) : errors;
  }

  return { update, updateShown, saving };
}

type UpdateIssueTextInput = IssueTextInput & Pick<UpdateIssueInput, 'expectedUpdatedAt'>;
