/**
 * @vue/apollo-composable 4.2.2 calls ObservableQuery APIs that Apollo Client 3.14 deprecates
 * (`getLastResult`, `getLastError`, `resetLastResults`) whenever a query fails: three warnings
 * that are not ours to fix, and that point to the Apollo 4 move, so the app keeps them visible
 * in development. A test that makes a query fail on purpose mutes them with Apollo's documented
 * switch, for that test only: `onTestFinished(muteApolloDeprecations())`.
 */
export function muteApolloDeprecations(): () => void {
  const key = Symbol.for('apollo.deprecations');
  const global = globalThis as Record<symbol, unknown>;
  const before = global[key];
  global[key] = true;
  return () => {
    global[key] = before;
  };
}
