import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import vue from 'eslint-plugin-vue';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'http',
  'https',
  'net',
  'crypto',
  'os',
  'child_process',
  'url',
  'events',
  'stream',
];

const NO_CLIENT = {
  regex: '^(\\.\\./)+client/',
  message: 'Only the browser bundle imports client/.',
};

/**
 * The server's layers (docs/architecture.md, "Module layers"): each folder of server/src may
 * import only the folders below it. Tests compose whole servers and are exempt.
 */
const SERVER_LAYERS = [
  // [folder, folders it must not import, why, a further forbidden import pattern]
  [
    'logging',
    'pubsub|domain|permissions|db|identity|features|graphql|cable|http|observability',
    'logging is the bottom layer',
  ],
  [
    'pubsub',
    'domain|permissions|db|identity|features|graphql|cable|http|observability',
    'the pub/sub carries strings and knows no application',
  ],
  [
    'permissions',
    'db|identity|features|graphql|cable|http|observability|pubsub',
    'permissions read domain records only',
    '^\\.\\./domain/(?!types\\.js$|identity\\.js$)',
  ],
  [
    'domain',
    'db|identity|features|graphql|cable|http|observability|pubsub',
    'the domain knows no transport or storage',
  ],
  [
    'db',
    'identity|features|graphql|cable|http|observability|pubsub|permissions',
    'storage implements the domain repositories',
  ],
  [
    'db/embedded',
    'domain|permissions|identity|features|graphql|cable|http|observability|pubsub|logging',
    'the embedded database process serves PGlite and knows no application',
    '^\\.\\./(?!embedded/)[^/]+\\.js$',
  ],
  [
    'identity',
    'db|features|graphql|cable|http|observability|pubsub',
    'identity knows no transport',
  ],
  ['features', 'identity|graphql|cable|http|observability', 'flags sit on storage and pub/sub'],
  [
    'presence',
    'db|identity|features|graphql|cable|http|observability|pubsub',
    'presence counts viewers over the domain; start-server.ts wires it to the engine and flags',
  ],
  ['graphql', 'db|identity|features|cable|http|observability', 'GraphQL knows no transport'],
  [
    'graphql/subscriptions',
    'domain|permissions|db|identity|features|cable|http|observability',
    'the engine runs any schema over any PubSubEngine',
    '^\\.\\./(resolvers|context|graphql-triggers)',
  ],
  [
    'cable',
    'domain|permissions|db|identity|features|graphql|http|observability',
    'the Action Cable core knows no application (channels/ bridge to it)',
  ],
  ['http', 'cable', 'HTTP and the cable meet only in start-server.ts'],
];
const serverLayers = SERVER_LAYERS.map(([folder, forbidden, message, further]) => ({
  files: [`server/src/${folder}/*.ts`],
  ignores: ['**/*.test.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          NO_CLIENT,
          ...[`^(\\.\\./)+(${forbidden})/`, ...(further ? [further] : [])].map((regex) => ({
            regex,
            message: `server/src/${folder}: ${message}.`,
          })),
        ],
      },
    ],
  },
}));

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      '**/generated/**',
      'test-results/**',
      'playwright-report/**',
      '.data/**',
      'bench/results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  ...vue.configs['flat/recommended'],
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
        extraFileExtensions: ['.vue'],
        parser: tseslint.parser,
      },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    files: ['*.js', '*.mjs', 'scripts/**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      globals: globals.node,
      parserOptions: { projectService: false, project: null },
    },
  },
  {
    // shared/ is imported by the browser and by Node: neither DOM nor Node APIs.
    files: ['shared/**/*.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...nodeBuiltins, 'ws', 'express'],
              message: 'shared/ runs in the browser too.',
            },
            { regex: '^(\\.\\./)+(server|client)/', message: 'shared/ imports neither side.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'navigator',
        'localStorage',
        'process',
        'Buffer',
        '__dirname',
        'require',
      ],
    },
  },
  {
    // client/ runs in the browser: it never imports server code or Node built-ins.
    files: ['client/**/*.ts', 'client/**/*.vue'],
    languageOptions: { globals: globals.browser },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...nodeBuiltins, 'ws', 'express', 'ioredis', 'pg'],
              message: 'client/ runs in the browser.',
            },
            { regex: '^(\\.\\./)+server/', message: 'client/ never imports server code.' },
          ],
        },
      ],
    },
  },
  {
    files: ['server/**/*.ts', 'e2e/**/*.ts', 'scripts/**/*.ts', 'bench/**/*.ts', '*.ts'],
    languageOptions: { globals: globals.node },
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_CLIENT] }] },
  },
  ...serverLayers,
  prettier,
);
