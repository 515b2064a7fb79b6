// Writes a portal JSON download of N generated events (100,000 ≈ 250 MB). The viewer's timing test runs
// it as a child process, so that generating the file never blocks the extension host it measures.
// Usage: node out/test/integration/viewerBigFile.js PATH COUNT → prints {"events":N,"failures":F,"bytes":B}
import { writeDownload } from '../fixtures/generator/bigDownload';

if (require.main === module) {
  const [path, count] = process.argv.slice(2);
  if (!path || !count) {
    process.stderr.write('usage: viewerBigFile.js PATH COUNT\n');
    process.exit(2);
  }
  process.stdout.write(JSON.stringify(writeDownload(path, Number(count))));
}
