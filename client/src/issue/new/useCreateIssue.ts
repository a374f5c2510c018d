import { useMutation } from '@vue/apollo-composable';
import { ref } from 'vue';

import {
  CreateIssueDocument,
  type CreateIssueInput,
  type CreateIssueMutation,
} from '@shared/graphql/generated/operations';

import { groupErrors, type IssueFormErrors } from './createIssueErrors';

export type CreatedIssue = NonNullable<NonNullable<CreateIssueMutation['createIssue']>['issue']>;

/**
 * GitLab's `createIssue`. Resolves to the new issue, or to null with `errors` grouped by field
 * (the server wrote nothing then); a request that fails altogether is a form error.
 */
export function useCreateIssue() {
  const { mutate, loading: creating } = useMutation(CreateIssueDocument);
  const errors = ref<IssueFormErrors>({});

  async function create(input: CreateIssueInput): Promise<CreatedIssue | null> {
    errors.value = {};
    try {
      const payload = (await mutate({ input }))?.data?.createIssue;
      if (payload?.issue && payload.errors.length === 0) return payload.issue;
      errors.value = groupErrors(payload?.errors.length ? payload.errors : ['Try again.']);
    } catch (error) {
      errors.value = {
        form: [`The issue could not be created: ${(error as Error).message}. Try again.`],
      };
    }
    return null;
  }

  return { create, creating, errors };
}
