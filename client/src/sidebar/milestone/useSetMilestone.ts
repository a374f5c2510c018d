import { useMutation } from '@vue/apollo-composable';

import { ProjectIssueMilestoneMutationDocument } from '@shared/graphql/generated/operations';

export const MILESTONE_SAVE_FAILED = 'An error occurred while updating the milestone.';

/** Sets (an id) or removes (null) an issue's milestone (`updateIssue`); answers the errors. */
export function useSetMilestone() {
  const { mutate, loading: saving } = useMutation(ProjectIssueMilestoneMutationDocument, {
    throws: 'always',
  });

  async function setMilestone(
    target: { fullPath: string; iid: string },
    milestoneId: string | null,
  ): Promise<string[]> {
    try {
      const result = await mutate({ ...target, attributeId: milestoneId });
      const payload = result?.data?.issuableSetAttribute;
      if (payload && payload.errors.length > 0) return payload.errors;
      return payload?.issuable ? [] : [MILESTONE_SAVE_FAILED];
    } catch {
      return [MILESTONE_SAVE_FAILED];
    }
  }

  return { setMilestone, saving };
}
