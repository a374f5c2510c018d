import { useMutation } from '@vue/apollo-composable';

import { UpdateIssueDueDateDocument } from '@shared/graphql/generated/operations';

export const DUE_DATE_SAVE_FAILED = 'An error occurred while updating the due date.';

/** Sets or removes an issue's due date (`updateIssue`); answers the errors, if any. */
export function useSetDueDate() {
  const { mutate, loading: saving } = useMutation(UpdateIssueDueDateDocument, {
    throws: 'always',
  });

  async function setDueDate(
    target: { projectPath: string; iid: string },
    dueDate: string | null,
  ): Promise<string[]> {
    try {
      const result = await mutate({ ...target, dueDate });
      const payload = result?.data?.issuableSetDate;
      if (payload && payload.errors.length > 0) return payload.errors;
      return payload?.issuable ? [] : [DUE_DATE_SAVE_FAILED];
    } catch {
      return [DUE_DATE_SAVE_FAILED];
    }
  }

  return { setDueDate, saving };
}
