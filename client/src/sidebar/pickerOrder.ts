import type { SidebarUser } from './sidebarUser';

/** GitLab's autocomplete returns 20 users. */
export const SEARCH_LIMIT = 20;

export function matchesSearch(user: SidebarUser, search: string): boolean {
  const term = search.trim().toLowerCase();
  return (
    !term || user.username.toLowerCase().includes(term) || user.name.toLowerCase().includes(term)
  );
}

/**
 * The picker's list, in GitLab's order: the selected users first, then the current user and the
 * issue's author, then the other search results. Each user appears once; users that do not
 * match the search are left out.
 */
export function orderPickerUsers(input: {
  selected: readonly SidebarUser[];
  currentUser: SidebarUser | null;
  author: SidebarUser | null;
  results: readonly SidebarUser[];
  search: string;
}): SidebarUser[] {
  const seen = new Set<string>();
  const ordered: SidebarUser[] = [];
  const add = (user: SidebarUser | null, filter: boolean) => {
    if (!user || seen.has(user.username)) return;
    if (filter && !matchesSearch(user, input.search)) return;
    seen.add(user.username);
    ordered.push(user);
  };
  for (const user of input.selected) add(user, true);
  add(input.currentUser, true);
  add(input.author, true);
  // Filtered here too, so results of the previous search never show while the next is debounced.
  for (const user of input.results.slice(0, SEARCH_LIMIT)) add(user, true);
  return ordered;
}
