/**
 * Benchmark inputs from the seeded generator, written to a temp folder the way users get them
 * (a minified portal download; the portal CSV trio) and read back as Buffers. The big download is
 * written in chunks so that it never exists as one 250 MB string; the folder goes at the end.
 */
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { portalCsvTrio } from '../fixtures/generator/portalCsvWriter';
import { generateRecords } from '../fixtures/generator/records';
import { portalJsonChunks } from '../fixtures/generator/writers';

export interface JsonInput {
  count: number;
  path: string;
  size: number;
}

export interface CsvInput {
  count: number;
  paths: { main: string; steps: string; modified: string };
  size: number;
}

export class BenchInputs {
  readonly dir = mkdtempSync(join(tmpdir(), 'provlog-bench-'));
  private readonly json = new Map<number, JsonInput>();
  private readonly csv = new Map<number, CsvInput>();

  /**
   * Writes the `count`-event download (and, when asked, the CSV trio of the same events) once; the
   * generated objects are dropped before any measurement starts.
   */
  prepare(count: number, withCsv: boolean): void {
    if (this.json.has(count)) return;
    const records = generateRecords({ seed: 2026, count });
    const path = join(this.dir, `portal-${count}.json`);
    const fd = openSync(path, 'w');
    let size = 0;
    try {
      for (const chunk of portalJsonChunks(records)) {
        const bytes = Buffer.from(chunk, 'utf8');
        writeSync(fd, bytes);
        size += bytes.length;
      }
    } finally {
      closeSync(fd);
    }
    this.json.set(count, { count, path, size });
    if (withCsv) {
      const trio = portalCsvTrio(records);
      const paths = {
        main: join(this.dir, `ProvisioningLogs-${count}.csv`),
        steps: join(this.dir, `ProvisioningLogs-${count}_ProvisioningSteps.csv`),
        modified: join(this.dir, `ProvisioningLogs-${count}_ModifiedProperties.csv`),
      };
      writeFileSync(paths.main, trio.main);
      writeFileSync(paths.steps, trio.steps);
      writeFileSync(paths.modified, trio.modified);
      const size = Buffer.byteLength(trio.main) + Buffer.byteLength(trio.steps) + Buffer.byteLength(trio.modified);
      this.csv.set(count, { count, paths, size });
    }
  }

  jsonInput(count: number): JsonInput {
    const j = this.json.get(count);
    if (j === undefined) throw new Error(`input ${count} was not prepared`);
    return j;
  }

  csvInput(count: number): CsvInput | undefined {
    return this.csv.get(count);
  }

  /** The file as a Buffer: what the extension and the CLI hand to readLog. */
  bytes(count: number): Buffer {
    return readFileSync(this.jsonInput(count).path);
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
