// Writes a portal JSON download of N generated events (100,000 ≈ 250 MB). The viewer's timing test runs
// it as a child process, so that generating the file never blocks the extension host it measures.
// Usage: node out/test/integration/viewerBigFile.js PATH COUNT → prints {"events":N,"failures":F,"bytes":B}
import { closeSync, openSync, statSync, writeSync } from 'node:fs';
import { generateRecords } from '../fixtures/generator/records';
import { portalJsonChunks } from '../fixtures/generator/writers';

export interface BigDownload {
  events: number;
  failures: number;
  bytes: number;
}

export function writeDownload(path: string, count: number): BigDownload {
  const records = generateRecords({ count });
  const failures = records.filter((r) => (r['provisioningStatusInfo'] as { status: string }).status === 'failure').length;
  const fd = openSync(path, 'w');
  try {
    for (const chunk of portalJsonChunks(records)) writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
  return { events: records.length, failures, bytes: statSync(path).size };
}

if (require.main === module) {
  const [path, count] = process.argv.slice(2);
  if (!path || !count) {
    process.stderr.write('usage: viewerBigFile.js PATH COUNT\n');
    process.exit(2);
  }
  process.stdout.write(JSON.stringify(writeDownload(path, Number(count))));
}
