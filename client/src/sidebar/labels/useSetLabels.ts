import { useMutation } from '@vue/apollo-composable';

import {
  UpdateIssueLabelsDocument,
  type SidebarLabelFragment,
} from '@shared/graphql/generated/operations';

export const LABELS_SAVE_FAILED = 'An error occurred while updating labels.';

/** Replaces an issue's labels with a set (`updateIssue` with `labelIds`); answers the errors. */
export function useSetLabels() {
  const { mutate, loading: saving } = useMutation(UpdateIssueLabelsDocument, {
    throws: 'always',
  });

  async function setLabels(
    target: { projectPath: string; iid: string },
    labels: readonly SidebarLabelFragment[],
  ): Promise<string[]> {
    try {
      const result = await mutate({
        input: { ...target, labelIds: labels.map((label) => label.id) },
      });
      const payload = result?.data?.updateIssuableLabels;
      if (payload && payload.errors.length > 0) return payload.errors;
      return payload?.issuable ? [] : [LABELS_SAVE_FAILED];
    } catch {
      return [LABELS_SAVE_FAILED];
    }
  }

  return { setLabels, saving };
}
