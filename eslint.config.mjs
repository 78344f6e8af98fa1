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
/** Deepest folder nesting the import rules cover (admin/config/x.ts is 2). */
const MAX_DEPTH = 6;

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A `no-restricted-imports` pattern for the top-level folder `dir`, as imported from a file
 * `depth` folders below the root: `../` exactly `depth` times (so `server/x/y.ts` may import its
 * own `../admin/…`), or the `@/` alias. `except` are modules under `dir` still allowed (see the
 * temporary block at the end).
 */
const folder = (dir, depth, why, except = []) => ({
  regex: `^(?:(?:\\.\\./){${depth}}|@/)${dir}(?:/${except.length ? `(?!(?:${except.map(escape).join('|')})$)` : ''}|$)`,
  message: `${why} (${dir}/ is off limits here).`,
});

/** The import rule of a file at `depth`, given the folders it must not reach and the exact exceptions ('server/x/y'). */
const restrict = (forbidden, depth, why, allowed = []) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: forbidden.map((dir) =>
        folder(
          dir,
          depth,
          why,
          allowed.filter((a) => a.startsWith(`${dir}/`)).map((a) => a.slice(dir.length + 1)),
        ),
      ),
    },
  ],
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
  ...SCREENS.flatMap((screen) => layer(screen, ...RULES.screen(screen))),
  // ui/: shared by every screen, so it leans on none of them.
  ...layer('ui', ...RULES.ui()),
  // contract/: the only code both sides import; it imports nothing of ours but itself.
  ...layer('contract', [...BACKEND, ...SCREENS, 'ui', 'i18n', 'messages'], 'contract/ imports only contract/'),
  // server/: never the browser's code.
  ...layer('server', [...SCREENS, 'ui', 'app', 'test', 'scripts'], 'server/ never imports screens'),

  // ---- TEMPORARY until contract/ lands ----
  // The imports below break the rules above today: screens reading server/ types, and the five
  // fetch clients (admin/config/api.ts, counter/api.ts, book/api.ts, kiosk/api.ts,
  // kiosk/appointments-api.ts) used across features. The `contract` branch moves those types to
  // contract/ and the clients to one typed client in ui/; after it merges, delete this block (and
  // fix whatever is left). Each entry allows exactly the modules listed, nothing else.
  ...Object.entries({
    'admin/AdminShell.tsx': ['counter/api', 'counter/types'],
    'admin/config/AuditLogView.tsx': ['server/admin/audit-kinds'],
    'admin/config/KioskPreviewDialog.tsx': ['server/printing/kiosks'],
    'admin/config/KioskTable.tsx': ['server/printing/kiosks'],
    'admin/config/KioskTokenDialog.tsx': ['server/printing/kiosks'],
    'admin/config/KiosksConfig.tsx': ['server/printing/kiosks', 'server/printing/print-jobs', 'server/realtime/contract'],
    'admin/config/api.ts': ['counter/api'],
    'admin/config/kiosks.ts': ['server/printing/kiosks'],
    'admin/context.tsx': ['counter/types'],
    'admin/live/AlertList.tsx': ['server/realtime/contract'],
    'admin/live/CloseCounterDialog.tsx': ['counter/api', 'server/realtime/contract'],
    'admin/live/CounterTable.tsx': ['server/realtime/contract'],
    'admin/live/LiveView.tsx': ['server/realtime/contract', 'server/supervisor/alerts'],
    'admin/live/MoveTicketDialog.tsx': ['counter/api', 'server/realtime/contract', 'server/supervisor/waiting'],
    'admin/live/QueueTable.tsx': ['server/realtime/contract'],
    'admin/live/ServicesDialog.tsx': ['counter/api', 'server/realtime/contract'],
    'admin/notice.tsx': ['counter/api'],
    'admin/stats/StatsView.tsx': ['counter/api'],
    'admin/stats/types.ts': ['server/stats/figures'],
    'admin/useFailure.ts': ['counter/api'],
    'counter/BookDialog.tsx': ['book/api'],
    'counter/CounterApp.tsx': ['server/realtime/contract'],
    'counter/CurrentTicket.tsx': ['server/realtime/contract'],
    'counter/OpenCounter.tsx': ['server/realtime/contract'],
    'counter/QueueTable.tsx': ['server/realtime/contract'],
    'counter/TransferDialog.tsx': ['server/realtime/contract'],
    'counter/WaitingList.tsx': ['server/realtime/contract'],
    'counter/WorkView.tsx': ['server/realtime/contract'],
    'counter/types.ts': ['server/db/generated/enums', 'server/realtime/contract'],
    'counter/work.ts': ['server/realtime/contract'],
    'display/CallsPanel.tsx': ['server/realtime/contract'],
    'display/DisplayScreen.tsx': ['server/realtime/contract'],
    'display/QueuesPanel.tsx': ['server/realtime/contract'],
    'display/Ticker.tsx': ['server/realtime/contract'],
    'display/announcer.ts': ['server/realtime/contract'],
    'display/calls.ts': ['server/realtime/contract'],
    'display/screen.ts': ['server/realtime/contract'],
    'display/useAnnouncer.ts': ['server/realtime/contract'],
    'kiosk/api.ts': ['server/catalog', 'server/offices', 'server/tickets/issue'],
    'ticket/TicketScreen.tsx': ['server/realtime/contract'],
    'ui/SlotPicker.tsx': ['book/api'],
    'ui/StaffLoginForm.tsx': ['counter/api'],
    'ui/socket.ts': ['server/realtime/contract'],
    'ui/speech.ts': ['server/realtime/contract'],
  }).map(([file, allowed]) => {
    const top = file.split('/')[0];
    const [forbidden, why] = top === 'ui' ? RULES.ui() : RULES.screen(top);
    return { files: [file], rules: restrict(forbidden, file.split('/').length - 1, why, allowed) };
  }),
);
