// `npm run lint` (= `eslint . --max-warnings 0`). Besides the usual TypeScript, React hooks and Next
// rules, this file keeps the layout of the tree: which folder may import which (see README, "Code
// layout and lint").
import nextPlugin from '@next/eslint-plugin-next';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** The screen folders: each is one feature and leans on no other. */
const SCREENS = ['kiosk', 'display', 'counter', 'admin', 'book', 'ticket'];
/** Top-level folders of ours that no screen, ui/ or contract/ code may import. */
const BACKEND = ['server', 'app', 'prisma', 'scripts', 'test', 'bench'];

/**
 * A `no-restricted-imports` pattern for imports of the top-level folder `dir`, written relatively
 * (`../x/…`, `../../x/…` from any depth) or with the `@/` alias.
 */
const folder = (dir, message) => ({ regex: `^((\\.\\./)+|@/)${dir}(/|$)`, message });

/** The import rule of one kind of folder, given the folders it must not reach. */
const restrict = (forbidden, why) => ({
  'no-restricted-imports': ['error', { patterns: forbidden.map((dir) => folder(dir, `${why} (${dir}/ is off limits here).`)) }],
});

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      '.next/',
      'data/',
      'server/db/generated/',
      'next-env.d.ts',
      'prisma/migrations/',
      'docs/',
      'test-results/',
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
    files: ['app/**/*.{ts,tsx}', ...SCREENS.map((s) => `${s}/**/*.{ts,tsx}`), 'ui/**/*.{ts,tsx}'],
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
  ...SCREENS.map((screen) => ({
    files: [`${screen}/**/*.{ts,tsx}`],
    rules: restrict(
      [...BACKEND, ...SCREENS.filter((s) => s !== screen)],
      `${screen}/ imports only contract/, ui/, i18n/ and itself`,
    ),
  })),
  // ui/: shared by every screen, so it leans on none of them.
  { files: ['ui/**/*.{ts,tsx}'], rules: restrict([...BACKEND, ...SCREENS], 'ui/ imports only contract/, ui/ and i18n/') },
  // contract/: the only code both sides import; it imports nothing of ours but itself.
  {
    files: ['contract/**/*.ts'],
    rules: restrict([...BACKEND, ...SCREENS, 'ui', 'i18n', 'messages'], 'contract/ imports only contract/'),
  },
  // server/: never the browser's code.
  { files: ['server/**/*.ts'], rules: restrict([...SCREENS, 'ui', 'app', 'test', 'scripts'], 'server/ never imports screens') },
);
