import { onScopeDispose, ref, watch, type Ref } from 'vue';

import type { UserFragment } from '@shared/graphql/generated/operations';

export const HIGHLIGHT_MS = 2_000;

export const usernamesKey = (users: readonly UserFragment[]) =>
  users.map((user) => user.username).join(',');

export function describeAssignees(users: readonly UserFragment[]): string {
  return users.length === 0
    ? 'All assignees were removed'
    : `Assignees changed: ${users.map((user) => user.name).join(', ')}`;
}

/**
 * Notices changes to the assignees that this page did not make (pushes, refetches after a
 * reconnect, polling): briefly highlights the block and announces the new list politely.
 * `isOwnChange` says whether the page is applying its own save (optimistic result or rollback).
 */
export function useRemoteChange(
  assignees: () => readonly UserFragment[],
  isOwnChange: () => boolean,
) {
  const highlighted = ref(false);
  const announcement: Ref<string> = ref('');
  let timer: ReturnType<typeof setTimeout> | undefined;

  watch(
    () => usernamesKey(assignees()),
    () => {
      if (isOwnChange()) return;
      announcement.value = describeAssignees(assignees());
      highlighted.value = true;
      clearTimeout(timer);
      timer = setTimeout(() => {
        highlighted.value = false;
      }, HIGHLIGHT_MS);
    },
  );
  onScopeDispose(() => clearTimeout(timer));

  return { highlighted, announcement };
}
