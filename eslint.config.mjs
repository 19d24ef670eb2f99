// ESLint flat config. The import rules enforce the layers of DESIGN.md:
//   src/shared     imports neither Node, DOM-only code, Electron nor React;
//   src/main/core  imports Node and src/shared, never electron;
//   electron       only in src/main/electron and src/preload;
//   src/renderer   imports src/shared and browser libraries, never Node.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const noNode = nodeBuiltins.map((name) => ({ name, message: 'This layer must not import Node built-ins.' }));
const noElectron = [{ name: 'electron', message: 'Only src/main/electron and src/preload may import electron.' }];
const noReact = ['react', 'react-dom', 'react-dom/client'].map((name) => ({ name, message: 'src/shared is UI-free.' }));

export default tseslint.config(
  { ignores: ['eslint.config.mjs', 'out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench-results/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'error',
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', { paths: [...noNode, ...noElectron, ...noReact], patterns: [{ group: ['@tiptap/*', '@dnd-kit/*', 'lowdb', 'lowdb/*'], message: 'src/shared is pure: no UI or storage libraries.' }, { group: ['**/main/**', '**/renderer/**', '**/preload/**'], message: 'src/shared imports only src/shared.' }] }],
    },
  },
  {
    files: ['src/main/core/**/*.ts', 'src/main/host/**/*.ts', 'src/main/web/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [...noElectron, ...noReact], patterns: [{ group: ['**/renderer/**', '**/preload/**', '**/main/electron/**'], message: 'The core and the web host do not depend on a shell or the UI.' }] }],
    },
  },
  {
    files: ['src/main/electron/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [...noReact], patterns: [{ group: ['**/renderer/**'], message: 'The main process does not import the UI.' }] }],
    },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: nodeBuiltins.map((name) => ({ name, message: 'A sandboxed preload has no Node built-ins.' })), patterns: [{ group: ['**/main/**', '**/renderer/**'], message: 'The preload imports only electron and src/shared.' }] }],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { paths: [...noNode, ...noElectron], patterns: [{ group: ['**/main/**', '**/preload/**'], message: 'The renderer talks to the service only through WorkspaceClient.' }] }],
    },
  },
);
