import { onScopeDispose, type Ref } from 'vue';

/**
 * Calls `dismiss` when the pointer goes down outside `root`, or focus leaves it for another
 * element, while `open` is true (GitLab's dropdowns close, and so save, that way).
 */
export function useDismiss(
  root: Ref<HTMLElement | null>,
  open: () => boolean,
  dismiss: () => void,
) {
  const outside = (node: Node | null) =>
    open() && node !== null && root.value !== null && !root.value.contains(node);
  const onPointerDown = (event: PointerEvent) => {
    if (outside(event.target as Node | null)) dismiss();
  };
  document.addEventListener('pointerdown', onPointerDown);
  onScopeDispose(() => document.removeEventListener('pointerdown', onPointerDown));
  /** Bind to the root's `focusout`. */
  return (event: FocusEvent) => {
    if (outside(event.relatedTarget as Node | null)) dismiss();
  };
}
