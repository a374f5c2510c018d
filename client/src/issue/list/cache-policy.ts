import type { FieldPolicy, Reference } from '@apollo/client/core';

/** `Project.issues` as the cache stores it: the pages loaded so far, joined. */
interface StoredConnection {
  nodes?: Reference[];
  pageInfo?: { endCursor?: string | null; hasNextPage?: boolean };
  [field: string]: unknown;
}

/** The arguments that choose which issues a list holds (not where a page starts or its size). */
const FILTER_ARGUMENTS = [
  'state',
  'labelName',
  'milestoneTitle',
  'assigneeUsername',
  'assigneeUsernames',
] as const;

/**
 * `Project.issues` in the cache: one entry per set of filters holding the pages loaded so far.
 * A page with `after` (Load more) is appended when it continues the stored one; a read without
 * `after` (the first page, or a reload) replaces it. Count-only reads (`first: 0`, the tabs)
 * keep entries of their own, so a count never replaces the list.
 */
export const projectIssuesPolicy: FieldPolicy<StoredConnection> = {
  keyArgs(args) {
    const filters = FILTER_ARGUMENTS.map((name): unknown => args?.[name] ?? null);
    return `issues:${JSON.stringify(filters)}${args?.first === 0 ? ':count' : ''}`;
  },
  merge(existing, incoming, { args }) {
    const after = args?.after as string | undefined;
    if (!existing || !after) return incoming;
    // A page that does not start where the stored list ends (it was reloaded meanwhile).
    if (existing.pageInfo?.endCursor !== after) return existing;
    return { ...incoming, nodes: [...(existing.nodes ?? []), ...(incoming.nodes ?? [])] };
  },
};
