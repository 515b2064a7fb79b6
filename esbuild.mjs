// Builds every bundle with esbuild's API. Flags: --production (minify, no source maps), --watch,
// --tests (also the unit/integration/e2e/harness bundles), --bench (the benchmark only).
import * as esbuild from 'esbuild';
import { cpSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const watch = args.has('--watch');

/** All files under `dir` whose name ends with one of `suffixes`. */
function filesUnder(dir, suffixes) {
  const out = [];
  let entries = [];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of entries) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p, suffixes));
    else if (suffixes.some((s) => name.endsWith(s))) out.push(p);
  }
  return out;
}

const node = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  external: ['vscode'],
  // jsonc-parser's UMD build requires its modules dynamically, which a bundle cannot follow: take its ESM build.
  mainFields: ['module', 'main'],
  logLevel: 'warning',
};

const product = [
  { ...node, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js' },
  { ...node, entryPoints: ['src/node/loadWorker.ts'], outfile: 'dist/loadWorker.js' },
  { ...node, entryPoints: ['src/node/rangeWorker.ts'], outfile: 'dist/rangeWorker.js' },
  {
    ...node,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
  },
  ...['viewer', 'detail'].map((page) => ({
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    sourcemap: production ? false : 'inline',
    minify: production,
    // A page's CSS imports are bundled into dist/webview/<page>.css next to its script.
    entryPoints: [`webview-ui/src/${page}/main.ts`],
    outfile: `dist/webview/${page}.js`,
    logLevel: 'warning',
  })),
];

const tests = [
  {
    ...node,
    entryPoints: filesUnder('test/unit', ['.test.ts']),
    outdir: 'out/test/unit',
    outbase: 'test/unit',
    external: ['vscode', 'mocha'],
  },
  {
    ...node,
    entryPoints: [...filesUnder('test/integration', ['.ts']), ...filesUnder('test/harness', ['.ts']), ...filesUnder('test/e2e', ['.ts']), ...filesUnder('test/package', ['.ts'])],
    outdir: 'out/test',
    outbase: 'test',
    external: ['vscode', 'mocha', 'playwright-core', '@vscode/test-electron'],
  },
];

const bench = [
  { ...node, sourcemap: true, minify: false, entryPoints: ['test/bench/bench.ts'], outfile: 'out/bench/bench.js' },
  { ...node, sourcemap: true, minify: false, entryPoints: ['src/node/rangeWorker.ts'], outfile: 'out/bench/rangeWorker.js' },
  { ...node, sourcemap: true, minify: false, entryPoints: ['src/node/loadWorker.ts'], outfile: 'out/bench/loadWorker.js' },
];

/** Codicons (VS Code's icon font) are loaded by the pages as a stylesheet plus its font file. */
function copyStatic() {
  mkdirSync('dist/webview', { recursive: true });
  const codicons = 'node_modules/@vscode/codicons/dist';
  cpSync(join(codicons, 'codicon.css'), 'dist/webview/codicon.css');
  cpSync(join(codicons, 'codicon.ttf'), 'dist/webview/codicon.ttf');
}

const exists = (configs) =>
  configs.filter((c) => (c.entryPoints ?? []).length > 0 && c.entryPoints.every((e) => {
    try {
      return statSync(e).isFile();
    } catch {
      return false;
    }
  }));

let configs;
if (args.has('--bench')) configs = bench;
else {
  configs = [...product, ...(args.has('--tests') ? tests : [])];
  // A test that moved or was deleted must not keep running from its old bundle.
  if (args.has('--tests')) rmSync('out/test', { recursive: true, force: true });
  copyStatic();
}
configs = exists(configs);

if (watch) {
  for (const c of configs) await (await esbuild.context(c)).watch();
  console.log('watching…');
} else {
  await Promise.all(configs.map((c) => esbuild.build(c)));
}
