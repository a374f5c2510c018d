/**
 * @vue/apollo-composable 4.2.2 calls ObservableQuery APIs that Apollo Client 3.14 deprecates
 * (`getLastResult`, `getLastError`, `resetLastResults`) whenever a query fails, so every failed
 * query logged three deprecation warnings that are not ours to fix. This is Apollo's documented
 * switch for muting deprecation warnings; it changes nothing else.
 */
(globalThis as Record<symbol, unknown>)[Symbol.for('apollo.deprecations')] = true;
