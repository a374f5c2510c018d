import { computed, onScopeDispose, ref, watch, type Ref } from 'vue';

export const SEARCH_DEBOUNCE_MS = 250;

/** The trimmed search, `SEARCH_DEBOUNCE_MS` after the user stops typing; `pending` until then. */
export function useDebouncedSearch(search: Ref<string>) {
  const debounced = ref(search.value.trim());
  let timer: ReturnType<typeof setTimeout> | undefined;
  watch(search, (value) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      debounced.value = value.trim();
    }, SEARCH_DEBOUNCE_MS);
  });
  onScopeDispose(() => clearTimeout(timer));
  const pending = computed(() => debounced.value !== search.value.trim());
  return { debounced, pending };
}
