import { useMutation } from '@vue/apollo-composable';

import { IssueSetAssigneesDocument } from '@shared/graphql/generated/operations';

export type SetAssigneesOutcome = { ok: true } | { ok: false; errors: string[] };

function messageOf(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return 'The assignees could not be saved.';
}

/** Replaces an issue's assignees (`issueSetAssignees`, operation mode REPLACE). */
export function useSetAssignees() {
  const { mutate, loading: saving } = useMutation(IssueSetAssigneesDocument, { throws: 'always' });

  async function setAssignees(
    projectPath: string,
    iid: string,
    assigneeUsernames: string[],
  ): Promise<SetAssigneesOutcome> {
    try {
      const result = await mutate({
        projectPath,
        iid,
        assigneeUsernames,
        operationMode: 'REPLACE',
      });
      const payload = result?.data?.issueSetAssignees;
      if (payload && payload.errors.length > 0) return { ok: false, errors: payload.errors };
      if (!payload?.issue) return { ok: false, errors: ['The assignees could not be saved.'] };
      return { ok: true };
    } catch (error) {
      return { ok: false, errors: [messageOf(error)] };
    }
  }

  return { setAssignees, saving };
}
