import { ref, watch } from 'vue';

/**
 * Arrow-key navigation of a dropdown's rows while focus stays in its search box (the combobox's
 * active descendant): ↑/↓/Home/End move, Enter chooses, Escape closes.
 */
export function useListKeys(
  rowCount: () => number,
  choose: (row: number) => void,
  close: () => void,
  rowId: (row: number) => string,
) {
  const active = ref(0);
  watch(rowCount, (count) => {
    if (active.value >= count) active.value = Math.max(0, count - 1);
  });

  function onKeydown(event: KeyboardEvent) {
    const count = rowCount();
    if (event.key === 'ArrowDown' && count > 0) active.value = (active.value + 1) % count;
    else if (event.key === 'ArrowUp' && count > 0)
      active.value = (active.value - 1 + count) % count;
    else if (event.key === 'Home') active.value = 0;
    else if (event.key === 'End') active.value = Math.max(0, count - 1);
    else if (event.key === 'Enter' && count > 0) choose(active.value);
    else if (event.key === 'Escape') close();
    else return;
    event.preventDefault();
    document.getElementById(rowId(active.value))?.scrollIntoView?.({ block: 'nearest' });
  }

  return { active, onKeydown };
}
