import { useMutation } from '@vue/apollo-composable';

import { IssueSetAssigneesDocument } from '@shared/graphql/generated/operations';

import type { SidebarUser } from './sidebarUser';

export type SetAssigneesOutcome = { ok: true } | { ok: false; errors: string[] };

export const SAVE_FAILED = 'An error occurred while updating assignees.';

function messageOf(error: unknown): string {
  if (error instanceof Error && error.message) return `${SAVE_FAILED} ${error.message}`;
  return SAVE_FAILED;
}

export interface SetAssigneesTarget {
  projectPath: string;
  iid: string;
  /** The issue's global id and `updatedAt`, for the optimistic result. */
  issueId: string;
  updatedAt: string;
}

/**
 * Replaces an issue's assignees (`issueSetAssignees`, REPLACE) with an optimistic result: the
 * cache shows the new list at once and Apollo rolls it back if the request fails or the payload
 * carries `errors` (then `issue` is null, so nothing real is written).
 */
export function useSetAssignees() {
  const { mutate, loading: saving } = useMutation(IssueSetAssigneesDocument, { throws: 'always' });

  async function setAssignees(
    target: SetAssigneesTarget,
    users: readonly SidebarUser[],
  ): Promise<SetAssigneesOutcome> {
    try {
      const result = await mutate(
        {
          projectPath: target.projectPath,
          iid: target.iid,
          assigneeUsernames: users.map((user) => user.username),
          operationMode: 'REPLACE',
        },
        {
          optimisticResponse: {
            __typename: 'Mutation',
            issueSetAssignees: {
              __typename: 'IssueSetAssigneesPayload',
              errors: [],
              issue: {
                __typename: 'Issue',
                id: target.issueId,
                updatedAt: target.updatedAt,
                assignees: {
                  __typename: 'UserCoreConnection',
                  nodes: users.map((user) => ({ ...user, __typename: 'UserCore' as const })),
                },
              },
            },
          },
        },
      );
      const payload = result?.data?.issueSetAssignees;
      if (payload && payload.errors.length > 0) return { ok: false, errors: payload.errors };
      if (!payload?.issue) return { ok: false, errors: [SAVE_FAILED] };
      return { ok: true };
    } catch (error) {
      return { ok: false, errors: [messageOf(error)] };
    }
  }

  return { setAssignees, saving };
}
