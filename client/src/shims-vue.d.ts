// For tools that read .ts without Vue support (ESLint's type checker); vue-tsc resolves the real files.
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}
