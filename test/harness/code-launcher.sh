#!/bin/sh
# The "VS Code executable" handed to @vscode/test-electron's runTests: runs the built launcher
# (out/test/harness/launcher.js, from test/harness/launcher.ts) with VS Code's CLI arguments.
here=$(cd "$(dirname "$0")" && pwd)
launcher="$here/../../out/test/harness/launcher.js"
if [ ! -f "$launcher" ]; then
  echo "code-launcher: $launcher is missing; build it with: node esbuild.mjs --tests" >&2
  exit 2
fi
exec node --enable-source-maps "$launcher" "$@"
