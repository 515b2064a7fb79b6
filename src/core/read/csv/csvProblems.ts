/**
 * What went wrong or is missing in a CSV download, in plain words. Row-level damage is counted per
 * file and reported once, with where it first happened, instead of once per row.
 */
import type { LoadedFile } from '../../model/logData';
import type { Problem, ProblemSeverity } from '../../common/record';
import { FilePositions, type PositionMapper } from '../positions';

type RowKind = 'ragged' | 'unterminatedQuote' | 'strayQuote' | 'invalidUtf8' | 'unmatched' | 'noChangeId';

interface Tally {
  count: number;
  first: number;
}

export function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

export class CsvProblems {
  private readonly tallies = new Map<string, Tally>();
  private mappers?: FilePositions;
  /** Header width of each file, for the ragged-row message. */
  readonly widths = new Map<number, number>();

  constructor(
    private readonly files: readonly LoadedFile[],
    private readonly problems: Problem[],
  ) {}

  /** A problem about file `file` (or about the download as a whole when `file` is undefined). */
  push(severity: ProblemSeverity, code: string, message: string, file?: number, offset?: number): void {
    const p: Problem = { severity, code, message };
    if (file !== undefined && offset !== undefined) {
      const pos = this.positions(file).positionAt(offset);
      p.line = pos.line;
      p.column = pos.column;
    }
    if (file !== undefined && this.files.length > 1) p.file = this.files[file]!.name;
    this.problems.push(p);
  }

  row(kind: RowKind, file: number, offset: number, n = 1): void {
    const key = `${kind}\u0000${file}`;
    const t = this.tallies.get(key);
    if (t === undefined) this.tallies.set(key, { count: n, first: offset });
    else t.count += n;
  }

  line(file: number, offset: number): number {
    return this.positions(file).positionAt(offset).line;
  }

  name(file: number): string {
    return baseName(this.files[file]!.name);
  }

  flush(): void {
    for (const [key, t] of this.tallies) {
      const [kind, f] = key.split('\u0000') as [RowKind, string];
      const file = Number(f);
      const [severity, message] = this.rowMessage(kind, file, t);
      this.push(severity, kind === 'unmatched' || kind === 'noChangeId' ? 'csvUnmatchedRows' : `csv${kind[0]!.toUpperCase()}${kind.slice(1)}`, message, file, t.first);
    }
    this.tallies.clear();
  }

  private rowMessage(kind: RowKind, file: number, t: Tally): [ProblemSeverity, string] {
    const name = this.name(file);
    const at = `first at line ${this.line(file, t.first)}`;
    const one = t.count === 1;
    const rows = `${t.count} row${one ? '' : 's'} of ${name}`;
    const have = one ? 'has' : 'have';
    const width = this.widths.get(file) ?? 0;
    switch (kind) {
      case 'ragged':
        return ['warning', `${rows} ${one ? 'does' : 'do'} not have the ${width} cells the header names (${at}): missing cells were read as empty, and cells beyond the header were kept as extra columns (Column ${width + 1}, …).`];
      case 'unterminatedQuote':
        return ['error', `A quoted cell in ${name} is never closed (it starts in the row at line ${this.line(file, t.first)}): everything after it was read into that one cell. The file was probably cut off or edited by hand.`];
      case 'strayQuote':
        return ['warning', `${rows} ${have} a quoted cell with a stray quote inside (${at}); the quote was read as part of the text.`];
      case 'invalidUtf8':
        return ['warning', `${rows} ${one ? 'holds' : 'hold'} bytes that are not valid UTF-8 (${at}); those bytes were read as \uFFFD. Was the file re-saved by Excel as plain "CSV"? Save it as "CSV UTF-8" instead.`];
      case 'unmatched':
        return ['warning', `${rows} ${have} a Change ID that matches no event of the main file (${at}): such rows belong to events that are not in this download (was the main file filtered, cut, or from another download?) and are not shown.`];
      case 'noChangeId':
        return ['warning', `${rows} ${have} no Change ID (${at}); such rows cannot be joined to any event and are not shown.`];
    }
  }

  private positions(file: number): PositionMapper {
    this.mappers ??= new FilePositions(this.files);
    return this.mappers.of(file)!;
  }
}

const STEPS_NAME = 'ProvisioningLogs_ProvisioningSteps…csv';
const MODIFIED_NAME = 'ProvisioningLogs_ModifiedProperties…csv';

export function missingStepsMessage(mainName: string): string {
  return `No provisioning-steps file (${STEPS_NAME}) was found beside ${mainName}: the Steps tab stays empty and 'changes only' falls back to the status (a successful create, update, delete or disable counts as a change).`;
}

export function missingModifiedMessage(mainName: string): string {
  return `No modified-properties file (${MODIFIED_NAME}) was found beside ${mainName}: the Modified Properties tab stays empty.`;
}

export function noMainFileMessage(given: string[]): string {
  return (
    `Only ${given.join(' and ')} ${given.length === 1 ? 'was' : 'were'} given, without the main file of the download ` +
    `(ProvisioningLogs…csv, with columns such as Date, Action, Status and Change ID). Steps and modified properties ` +
    `are joined to the events of the main file by Change ID, so nothing was read. Open the main file ProvisioningLogs.csv; ` +
    `the files beside it are picked up with it.`
  );
}
