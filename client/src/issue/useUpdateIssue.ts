import { useMutation } from '@vue/apollo-composable';

import { UpdateIssueDocument, type UpdateIssueInput } from '@shared/graphql/generated/operations';

/** GitLab's words when the edit form's save fails. */
export const UPDATE_FAILED = 'Error updating issue';
/** GitLab's words when closing or reopening fails. */
export const STATE_FAILED = 'Error occurred while updating the issue status';

/** The parts of GitLab's `updateIssue` the issue page sends. */
export type IssueTextInput = Pick<UpdateIssueInput, 'title' | 'description' | 'stateEvent'>;

/**
 * GitLab's `updateIssue` for the issue page's title, description and state. The answer is
 * normalised into the shown issue by Apollo; every viewer gets the change through `issueUpdated`.
 * Answers the errors (empty: saved), never throws. One per control, so each has its own `saving`.
 */
export function useUpdateIssue(target: () => { projectPath: string; iid: string }) {
  const { mutate, loading: saving } = useMutation(UpdateIssueDocument, { throws: 'always' });

  async function update(input: IssueTextInput, failed = UPDATE_FAILED): Promise<string[]> {
    try {
      const result = await mutate({ input: { ...target(), ...input } });
      const payload = result?.data?.updateIssue;
      if (payload && payload.errors.length > 0) return payload.errors;
      return payload?.issue ? [] : [failed];
    } catch {
      return [failed];
    }
  }

  return { update, saving };
}
