// Lets a harness module be both imported (bundled into another entry point) and run as
// `node out/test/harness/<name>.js`: main runs only in the bundle built from that very file.
import { basename } from 'node:path';

/** Runs `main` when this bundle is `<name>.js` and is node's main script; exits with its code. */
export function runAsScript(name: string, main: () => Promise<number>): void {
  if (basename(__filename) !== `${name}.js` || require.main?.filename !== __filename) return;
  main().then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(`${name}: ${e instanceof Error ? e.message : String(e)}`);
      process.exit(1);
    },
  );
}
