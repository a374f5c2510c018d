import { toValue, watchEffect, type MaybeRefOrGetter } from 'vue';

/**
 * Keeps `document.title` at `title` while the component lives: a getter over the Apollo cache
 * follows the data (an issue renamed by someone else renames the tab). Null leaves it as it is
 * (still loading).
 */
export function usePageTitle(title: MaybeRefOrGetter<string | null | undefined>): void {
  watchEffect(() => {
    const value = toValue(title);
    if (value) document.title = value;
  });
}
