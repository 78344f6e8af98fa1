// `npm run lint` (= `eslint . --max-warnings 0`). Besides the usual TypeScript, React hooks and Next
// rules, this file keeps the layout of the tree: which folder may import which (see README, "Code
// layout and lint").
import nextPlugin from '@next/eslint-plugin-next';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** The screen folders: each is one feature and leans on no other. */
const SCREENS = ['kiosk', 'display', 'counter', 'admin', 'book', 'ticket', 'waits'];
/** Top-level folders of ours that no screen, ui/ or contract/ code may import. */
const BACKEND = ['server', 'app', 'pages', 'prisma', 'scripts', 'test', 'bench', 'sim'];
/** Deepest folder nesting the import rules cover (admin/config/x.ts is 2). */
const MAX_DEPTH = 6;

/**
 * A `no-restricted-imports` pattern for the top-level folder `dir`, as imported from a file
 * `depth` folders below the root: `../` exactly `depth` times (so `server/x/y.ts` may import its
 * own `../admin/…`), or the `@/` alias.
 */
const folder = (dir, depth, why) => ({
  regex: `^(?:(?:\\.\\./){${depth}}|@/)${dir}(?:/|$)`,
  message: `${why} (${dir}/ is off limits here).`,
});

/** The import rule of a file at `depth`, given the folders it must not reach. */
const restrict = (forbidden, depth, why) => ({
  'no-restricted-imports': ['error', { patterns: forbidden.map((dir) => folder(dir, depth, why)) }],
});

/** One config block per nesting depth of `top`/ (the `../` count of an import depends on it). */
const layer = (top, forbidden, why) =>
  Array.from({ length: MAX_DEPTH }, (_, i) => ({
    files: [`${top}/${'*/'.repeat(i)}*.{ts,tsx}`],
    rules: restrict(forbidden, i + 1, why),
  }));

const RULES = {
  screen: (screen) => [
    [...BACKEND, ...SCREENS.filter((s) => s !== screen)],
    `${screen}/ imports only contract/, ui/, i18n/ and itself`,
  ],
  ui: () => [[...BACKEND, ...SCREENS], 'ui/ imports only contract/, ui/ and i18n/'],
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      '.next/',
      'dist/',
      'data/',
      'server/db/generated/',
      'next-env.d.ts',
      'prisma/migrations/',
      'docs/',
      'test-results/',
      'agent/dist/',
      '.tmp-*/',
    ],
  },
  ...tseslint.configs.recommended,
  {
    // Type-aware checks that are cheap and catch real bugs: a forgotten await, a promise where a
    // void callback is expected.
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['**/*.tsx', ...SCREENS.map((s) => `${s}/**/*.ts`), 'ui/**/*.ts', 'i18n/**/*.ts'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    files: ['app/**/*.{ts,tsx}', 'pages/**/*.{ts,tsx}', ...SCREENS.map((s) => `${s}/**/*.{ts,tsx}`), 'ui/**/*.{ts,tsx}'],
    ...nextPlugin.configs['core-web-vitals'],
  },
  {
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: [...SCREENS.map((s) => `${s}/**/*.{ts,tsx}`), 'ui/**/*.{ts,tsx}', 'i18n/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },

  // ---- Who may import whom ----
  // Screens: contract/, ui/, i18n/ and their own folder; never the server, never another screen.
  ...SCREENS.flatMap((screen) => layer(screen, ...RULES.screen(screen))),
  // ui/: shared by every screen, so it leans on none of them.
  ...layer('ui', ...RULES.ui()),
  // contract/: the only code both sides import; it imports nothing of ours but itself.
  ...layer('contract', [...BACKEND, ...SCREENS, 'ui', 'i18n', 'messages'], 'contract/ imports only contract/'),
  // server/: never the browser's code.
  ...layer('server', [...SCREENS, 'ui', 'app', 'pages', 'test', 'scripts'], 'server/ never imports screens'),
  // The estimate's thread (`new Worker(url)`) only from the custom server: reached from a route
  // handler, Next's bundler traced the whole project to bundle the worker, and the build failed.
  {
    files: ['server/**/*.ts', 'app/**/*.{ts,tsx}', 'pages/**/*.{ts,tsx}'],
    ignores: ['server/boot.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/estimate-thread'],
              allowTypeImports: true,
              message: 'Only server/boot.ts starts the estimate thread; use estimateOnThread (estimate-on-thread.ts) and types.',
            },
          ],
        },
      ],
    },
  },
);
