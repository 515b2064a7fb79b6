/**
 * The file a remote pull streams into: JSON Lines, created readable by its owner only (provisioning logs name
 * people), each batch of lines written with one call so that a crash or a cancel leaves only whole lines behind
 * and the readers can open the file at any moment, including while it grows.
 */
import { open, type FileHandle } from 'node:fs/promises';

export class JsonLinesFile {
  #bytes = 0;

  private constructor(
    readonly path: string,
    private readonly handle: FileHandle,
    startBytes: number,
  ) {
    this.#bytes = startBytes;
  }

  /** Opens `path` to append (resume) or creates/truncates it; the file is created with mode 0600. */
  static async open(path: string, opts: { append: boolean }): Promise<JsonLinesFile> {
    const handle = await open(path, opts.append ? 'a' : 'w', 0o600);
    const { size } = await handle.stat();
    return new JsonLinesFile(path, handle, size);
  }

  get bytesWritten(): number {
    return this.#bytes;
  }

  /** Appends each line (which must not contain a newline) followed by "\n", in one write. */
  async appendLines(lines: readonly string[]): Promise<void> {
    if (lines.length === 0) return;
    for (const l of lines) if (l.includes('\n')) throw new Error('A JSON Lines record must be on one line.');
    const data = Buffer.from(lines.join('\n') + '\n', 'utf8');
    let offset = 0;
    while (offset < data.length) {
      const { bytesWritten } = await this.handle.write(data, offset, data.length - offset);
      offset += bytesWritten;
    }
    this.#bytes += data.length;
  }

  /** Flushes to disk: after this, what was appended survives a crash of the machine too. */
  async sync(): Promise<void> {
    await this.handle.sync();
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}
