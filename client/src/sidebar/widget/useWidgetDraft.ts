import { ref, shallowRef, watch, type Ref } from 'vue';

/**
 * The one editing pattern of the sidebar's widgets: opening an editor copies the field's current
 * value into a draft; a push while it is open never touches the draft, it only raises
 * `remoteChanged`; closing answers the draft (boxed) when the user changed it (save-on-close), else null.
 * `key` turns a value into a comparable string (e.g. sorted ids).
 */
export function useWidgetDraft<T>(current: () => T, key: (value: T) => string) {
  const open = ref(false);
  const draft = shallowRef(current()) as Ref<T>;
  /** The value the draft started from (moves on when the user takes a remote change). */
  const baseline = shallowRef(current()) as Ref<T>;
  const remoteChanged = ref(false);

  function start() {
    draft.value = current();
    baseline.value = current();
    remoteChanged.value = false;
    open.value = true;
  }

  /** Closes the editor; answers the draft to save (boxed: it may be null), or null if unchanged. */
  function finish(): { value: T } | null {
    if (!open.value) return null;
    open.value = false;
    remoteChanged.value = false;
    const mine = key(draft.value);
    return mine !== key(baseline.value) && mine !== key(current()) ? { value: draft.value } : null;
  }

  /** Starts the draft again from the value as it is now (the "use theirs" answer to a notice). */
  function takeRemote(merge: (draft: T, baseline: T, now: T) => T = (_d, _b, now) => now) {
    draft.value = merge(draft.value, baseline.value, current());
    baseline.value = current();
    remoteChanged.value = false;
  }

  watch(
    () => key(current()),
    (now) => {
      if (open.value && now !== key(baseline.value)) remoteChanged.value = true;
    },
  );

  return { open, draft, baseline, remoteChanged, start, finish, takeRemote };
}
