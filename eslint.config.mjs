// Lint: typescript-eslint's type-aware rules over the host, core, CLI and webview code.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const NOT_VSCODE = [{ name: 'vscode', message: 'The core, the protocol and the webview never import vscode.' }];
const NOT_NODE = { group: ['node:*', 'fs', 'path', 'worker_threads'], message: 'The core runs in workers, the CLI and the webview: no Node modules.' };

/**
 * src/core's folders by layer, lowest first: bytes → records → store → query/index → the loaded log →
 * what surfaces are given. `common` is the webview-safe vocabulary and imports nothing else of core.
 */
const CORE_LAYERS = [
  ['common'],
  ['catalog', 'prettify'],
  ['model'],
  ['read'],
  ['query'],
  ['index'],
  ['log'],
  ['views', 'output', 'sources'],
];

/** Import patterns naming a core folder of a higher layer than `layer` (relative imports: `../query/engine`, `../../log/x`). */
function above(layer) {
  const higher = CORE_LAYERS.slice(layer + 1).flat();
  if (higher.length === 0) return [];
  return [
    {
      regex: String.raw`^(\.\./)+(${higher.join('|')})(/|$)`,
      message: `A lower layer of src/core imports a higher one (layers, lowest first: ${CORE_LAYERS.map((l) => l.join('+')).join(' < ')}). Move the shared part down, or the importer up.`,
    },
  ];
}

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
    // The shared protocol runs in the webview too: never `vscode`, never Node.
    files: ['src/shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: NOT_VSCODE, patterns: [NOT_NODE] }] },
  },
  // The core's layers, lowest first (ARCHITECTURE.md): a folder imports only its own layer and those below.
  ...CORE_LAYERS.map((folders, layer) => ({
    files: folders.map((f) => `src/core/${f}/**/*.ts`),
    rules: {
      'no-restricted-imports': ['error', { paths: NOT_VSCODE, patterns: [NOT_NODE, ...above(layer)] }],
    },
  })),
  {
    // The CLI and the extension are two front ends over the same core and Node adapters: neither imports the other.
    files: ['src/cli/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: NOT_VSCODE, patterns: [{ regex: String.raw`^(\.\./)+vscode/`, message: 'The CLI never imports the extension.' }] }] },
  },
  {
    // The Node adapters serve both front ends (and the benchmark): no vscode, neither front end.
    files: ['src/node/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: NOT_VSCODE, patterns: [{ regex: String.raw`^(\.\./)+(vscode|cli)/`, message: 'src/node serves the CLI and the extension alike: it imports neither.' }] }] },
  },
  {
    files: ['src/vscode/**/*.ts', 'src/extension.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ regex: String.raw`^(\.\./)*\.?/?cli/`, message: 'The extension never imports the CLI.' }] }] },
  },
  {
    // The webview bundles may use core/common and nothing else of the core (no Node, no big tables).
    files: ['webview-ui/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: NOT_VSCODE,
          patterns: [{ regex: String.raw`/src/core/(?!common/)`, message: 'The webview may import only src/core/common from the core.' }],
        },
      ],
    },
  },
);
