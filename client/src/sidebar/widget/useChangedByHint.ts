import { ref, watch } from 'vue';

/** Who made the last change and when, when it was someone other than the viewer. */
export interface OthersChange {
  name: string;
  at: string;
}

/**
 * "Changed by Alice Liddell just now" on one widget: each `issueUpdated` push is the issue after
 * one change, so when this widget's own value changes and the push names someone else, that
 * person changed this field. A change by the viewer (or by nobody known) clears the hint;
 * pushes that change other fields leave it as it is.
 */
export function useChangedByHint(valueKey: () => unknown, othersChange: () => OthersChange | null) {
  const hint = ref<OthersChange | null>(null);
  watch(valueKey, () => {
    hint.value = othersChange();
  });
  return hint;
}
