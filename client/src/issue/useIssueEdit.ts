import { computed, inject, reactive, ref, shallowRef, watch, type InjectionKey } from 'vue';

import { CONCURRENT_EDIT_MESSAGE } from '@shared/issue-edit';

import type { IssueTextInput } from './useUpdateIssue';

/** What the edit form changes: the issue's title and its Markdown description. */
export interface IssueText {
  title: string;
  description: string;
}

const FIELDS = ['title', 'description'] as const;
const keyOf = (text: IssueText) => JSON.stringify([text.title, text.description]);

/** Said when a save would replace a version the person has not looked at yet. */
export const REVIEW_FIRST =
  'Review their version first: saving replaces it with yours. Save again to confirm.';

/**
 * The title-and-description editor's state, on the drafts rule of the sidebar's widgets: a push
 * while the form is open never touches what the person typed.
 *
 * - A field the person has not touched follows the pushes (its draft and base move with them).
 * - Any change by someone else raises `remoteChanged` (GitLab's "Someone edited the issue at the
 *   same time you did"), with their version at hand (`theirs`), `addTheirDescription` to keep
 *   both texts, and `takeTheirs` to start over from theirs.
 * - A field both changed is a clash: saving it first opens their version and says so
 *   (`REVIEW_FIRST`); saving again, having seen it, replaces it. Their newer push asks again.
 * - A save sends only the fields the person changed, so it never undoes someone else's title
 *   while saving a description, and is based on the version on screen: when someone saved in
 *   between (their push not here yet), `save` reads the issue again and sends once more unless
 *   that makes a clash, which then shows their version as above.
 */
export function useIssueEdit(
  current: () => IssueText,
  save: (input: IssueTextInput, again: () => IssueTextInput | null) => Promise<string[]>,
) {
  const editing = ref(false);
  const draft = reactive<IssueText>({ title: '', description: '' });
  /** Per field, the value the draft started from (moves with pushes while untouched). */
  const base = reactive<IssueText>({ title: '', description: '' });
  /** The issue when the person started (or last took theirs): what the warning compares. */
  const started = shallowRef<IssueText>({ title: '', description: '' });
  const theirsShown = ref(false);
  /** The version of theirs the person has seen (their key). */
  const reviewed = ref<string | null>(null);
  const errors = ref<string[]>([]);
  const saving = ref(false);

  const theirs = computed(() => current());
  const touched = (field: keyof IssueText) => draft[field] !== base[field];
  const remoteChanged = computed(
    () =>
      editing.value &&
      keyOf(theirs.value) !== keyOf(started.value) &&
      keyOf(theirs.value) !== keyOf(draft),
  );
  const clash = computed(() =>
    FIELDS.some(
      (field) =>
        touched(field) &&
        theirs.value[field] !== base[field] &&
        theirs.value[field] !== draft[field],
    ),
  );

  watch(theirs, (now) => {
    if (!editing.value) return;
    for (const field of FIELDS) {
      if (touched(field)) continue;
      draft[field] = now[field];
      base[field] = now[field];
    }
  });

  function reset(to: IssueText) {
    Object.assign(draft, to);
    Object.assign(base, to);
    started.value = { ...to };
    theirsShown.value = false;
    reviewed.value = null;
  }

  function start() {
    reset(theirs.value);
    errors.value = [];
    editing.value = true;
  }

  function cancel() {
    editing.value = false;
    errors.value = [];
  }

  function viewTheirs() {
    theirsShown.value = true;
    reviewed.value = keyOf(theirs.value);
  }

  /** Keeps both descriptions: theirs goes below the draft's, for the person to merge. */
  function addTheirDescription() {
    const mine = draft.description.trimEnd();
    draft.description = mine ? `${mine}\n\n${theirs.value.description}` : theirs.value.description;
  }

  /** Starts the draft again from their version (the person's explicit choice). */
  function takeTheirs() {
    reset(theirs.value);
    errors.value = [];
  }

  /** The fields the person changed, with what they typed. */
  function changes(): IssueTextInput {
    const input: IssueTextInput = {};
    for (const field of FIELDS) if (touched(field)) input[field] = draft[field];
    return input;
  }

  /** Saves the changed fields; answers true once the form may close. */
  async function submit(): Promise<boolean> {
    if (saving.value) return false;
    if (draft.title.trim() === '') {
      errors.value = ["Title can't be blank"];
      return false;
    }
    if (clash.value && reviewed.value !== keyOf(theirs.value)) {
      viewTheirs();
      errors.value = [REVIEW_FIRST];
      return false;
    }
    const input = changes();
    if (Object.keys(input).length > 0) {
      saving.value = true;
      errors.value = await save(input, () => (clash.value ? null : changes()));
      saving.value = false;
      if (errors.value[0] === CONCURRENT_EDIT_MESSAGE) viewTheirs();
      if (errors.value.length > 0) return false;
    }
    editing.value = false;
    return true;
  }

  return {
    editing,
    draft,
    theirs,
    theirsShown,
    remoteChanged,
    errors,
    saving,
    start,
    cancel,
    viewTheirs,
    addTheirDescription,
    takeTheirs,
    submit,
  };
}

export type IssueEdit = ReturnType<typeof useIssueEdit>;

/** Where the page provides its editor to the form (the Edit button and the form share it). */
export const issueEditKey: InjectionKey<IssueEdit> = Symbol('issueEdit');

/** The editor the page provides; the form is never mounted without it. */
export function injectIssueEdit(): IssueEdit {
  const edit = inject(issueEditKey);
  if (!edit) throw new Error('IssueEditForm needs the issue editor (provide issueEditKey)');
  return edit;
}
