import { onScopeDispose } from 'vue';

/** Whether a key press belongs to a text field (shortcuts never fire while typing). */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}

/**
 * A single-key page shortcut as GitLab has them on an issue (`a` assignees, `l` labels,
 * `m` milestone): ignored with a modifier, while typing, or when `enabled` says no.
 */
export function useShortcut(key: string, run: () => void, enabled: () => boolean = () => true) {
  const onKeydown = (event: KeyboardEvent) => {
    if (event.key !== key || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.defaultPrevented || isTyping(event.target) || !enabled()) return;
    event.preventDefault();
    run();
  };
  document.addEventListener('keydown', onKeydown);
  onScopeDispose(() => document.removeEventListener('keydown', onKeydown));
}
