import { useMutation } from '@vue/apollo-composable';

import { UpdateIssueConfidentialDocument } from '@shared/graphql/generated/operations';

export const CONFIDENTIAL_SAVE_FAILED = 'Something went wrong while setting issue confidentiality.';

/** Turns an issue's confidentiality on or off (`issueSetConfidential`); answers the errors. */
export function useSetConfidential() {
  const { mutate, loading: saving } = useMutation(UpdateIssueConfidentialDocument, {
    throws: 'always',
  });

  async function setConfidential(
    target: { projectPath: string; iid: string },
    confidential: boolean,
  ): Promise<string[]> {
    try {
      const result = await mutate({ input: { ...target, confidential } });
      const payload = result?.data?.issuableSetConfidential;
      if (payload && payload.errors.length > 0) return payload.errors;
      return payload ? [] : [CONFIDENTIAL_SAVE_FAILED];
    } catch {
      return [CONFIDENTIAL_SAVE_FAILED];
    }
  }

  return { setConfidential, saving };
}
