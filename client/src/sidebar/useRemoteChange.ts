import { onScopeDispose, ref, watch, type Ref } from 'vue';

import type { SidebarUser } from './sidebarUser';

export const HIGHLIGHT_MS = 2_000;

export const usernamesKey = (users: readonly SidebarUser[]) =>
  users.map((user) => user.username).join(',');

/**
 * The polite announcement of a change: "Alice Liddell changed the assignees: Bob Ross, Carol
 * Danvers" when the issue says who changed it, the anonymous wording otherwise.
 */
export function describeAssignees(
  users: readonly SidebarUser[],
  changedBy: Pick<SidebarUser, 'name'> | null = null,
): string {
  const names = users.map((user) => user.name).join(', ');
  if (changedBy) {
    return users.length === 0
      ? `${changedBy.name} removed all assignees`
      : `${changedBy.name} changed the assignees: ${names}`;
  }
  return users.length === 0 ? 'All assignees were removed' : `Assignees changed: ${names}`;
}

/**
 * Notices changes to the assignees that this page did not make (pushes, refetches after a
 * reconnect, polling): briefly highlights the block and announces the new list politely.
 * `isOwnChange` says whether the page is applying its own save (optimistic result or rollback);
 * `changedBy` is who last changed the issue (`Issue.updatedBy`, arriving with the same push).
 */
export function useRemoteChange(
  assignees: () => readonly SidebarUser[],
  isOwnChange: () => boolean,
  changedBy: () => SidebarUser | null = () => null,
) {
  const highlighted = ref(false);
  const announcement: Ref<string> = ref('');
  let timer: ReturnType<typeof setTimeout> | undefined;

  watch(
    () => usernamesKey(assignees()),
    () => {
      if (isOwnChange()) return;
      announcement.value = describeAssignees(assignees(), changedBy());
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
