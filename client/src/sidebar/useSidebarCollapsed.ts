import { ref, watch } from 'vue';

export const COLLAPSED_STORAGE_KEY = 'issue-sidebar-collapsed';

function read(): boolean {
  try {
    return localStorage.getItem(COLLAPSED_STORAGE_KEY) === 'true';
  } catch {
    return false;
  }
}

/** Whether the right sidebar is collapsed, remembered across pages in localStorage. */
export function useSidebarCollapsed() {
  const collapsed = ref(read());
  watch(collapsed, (value) => {
    try {
      localStorage.setItem(COLLAPSED_STORAGE_KEY, String(value));
    } catch {
      // Storage may be unavailable (private mode); the toggle still works for this page.
    }
  });
  return collapsed;
}
