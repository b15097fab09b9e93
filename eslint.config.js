import { builtinModules } from 'node:module';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

/**
 * Import boundaries (see the folder map in README): data flows renderer → contract → core → store.
 * A mistake here fails `npm run lint`, not a code review.
 */
const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const noNode = { paths: nodeBuiltins.map((name) => ({ name, message: 'Node APIs stay in electron/core, main, host and cli.' })) };
const outside = (folders, message) => ({ group: folders.flatMap((f) => [`**/${f}`, `**/${f}/**`]), message });

const noElectron = { name: 'electron', message: "Only electron/main and electron/preload import 'electron'." };

/**
 * electron/core/index.ts is the core's one entry: the shell, the host and the CLI import `../core`
 * and nothing deeper, so the core's internals can move without touching them. Tests and test
 * helpers (`testing/`) may reach inside to build their fixtures.
 */
const coreInternals = {
  group: ['**/core/*', '**/core/*/**', '!**/core/index'],
  message: 'Import the core from its entry, electron/core/index.ts (`../core`), not from its internals.',
};
const testsAndHelpers = ['**/*.test.ts', '**/testing/**'];
const notShellOrRenderer = outside(['main', 'preload', 'renderer'], 'Core, host and CLI never depend on the Electron shell or the renderer.');
const notRendererOrCli = outside(['renderer', 'cli'], 'The Electron shell talks to the core (and runs the host for the CLI), never to the renderer or CLI code.');
const notRenderer = outside(['renderer'], 'The Electron shell never imports renderer code.');

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'bench/node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-empty-pattern': 'off',
    },
  },
  {
    files: ['electron/common/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...noNode.paths, noElectron, { name: 'react', message: 'electron/common is framework-free.' }],
          patterns: [outside(['core', 'main', 'preload', 'host', 'cli', 'renderer'], 'electron/common imports nothing outside itself.')],
        },
      ],
    },
  },
  // Hooks and the React Compiler's rules (state set in effects, refs read in render …) for the renderer.
  { files: ['renderer/**/*.{ts,tsx}'], ...reactHooks.configs.flat.recommended },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...noNode.paths, noElectron],
          patterns: [outside(['electron/core', 'electron/main', 'electron/preload', 'electron/host', 'electron/cli'], 'The renderer reaches the core only through src/api.ts and the contract.')],
        },
      ],
    },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/host/**/*.ts', 'electron/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noElectron], patterns: [notShellOrRenderer] }],
    },
  },
  {
    files: ['electron/host/**/*.ts', 'electron/cli/**/*.ts'],
    ignores: testsAndHelpers,
    rules: {
      'no-restricted-imports': ['error', { paths: [noElectron], patterns: [notShellOrRenderer, coreInternals] }],
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [outside(['core', 'main', 'host', 'cli', 'renderer'], 'The preload exposes the contract and nothing else.')] },
      ],
    },
  },
  {
    files: ['electron/main/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [notRendererOrCli] }],
    },
  },
  {
    files: ['electron/main/**/*.ts'],
    ignores: testsAndHelpers,
    rules: {
      'no-restricted-imports': ['error', { patterns: [notRendererOrCli, coreInternals] }],
    },
  },
  {
    // `--cli`: the installed app runs the dossier command itself (see cliMode.ts); nowhere else in main.
    files: ['electron/main/cliMode.ts', 'electron/main/cliMode.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [notRenderer] }],
    },
  },
  {
    files: ['electron/main/cliMode.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [notRenderer, coreInternals] }],
    },
  },
);
