// Lint: typescript-eslint's type-aware rules over the host, core, CLI and webview code.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'out/**', '.host/**', '.vscode-test/**', '**/*.mjs', '**/*.cjs', '**/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-explicit-any': 'error',
      eqeqeq: ['error', 'smart'],
      'no-restricted-syntax': [
        'error',
        { selector: "AssignmentExpression[left.property.name='innerHTML']", message: 'Log text is hostile: build DOM with textContent.' },
        { selector: "AssignmentExpression[left.property.name='outerHTML']", message: 'Log text is hostile: build DOM with textContent.' },
        { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'Log text is hostile: build DOM with textContent.' },
        {
          selector: "CallExpression[callee.property.name=/^show(Information|Warning|Error)Message$/]",
          message: 'Log text is hostile: notify through src/vscode/uiText.ts (notify, askModal), which reveals it.',
        },
      ],
    },
  },
  {
    // The one place that calls VS Code's notifications, after uiText.
    files: ['src/vscode/uiText.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // The core and the shared protocol run in workers, the CLI and the webview: never `vscode`, never Node-only parsing.
    files: ['src/core/**/*.ts', 'src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: ['vscode'], patterns: ['node:*', 'fs', 'path', 'worker_threads'] }],
    },
  },
  {
    files: ['webview-ui/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: ['vscode'] }] },
  },
);
