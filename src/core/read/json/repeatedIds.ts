/**
 * Records that share an id. Azure Monitor delivers a record more than once now and then, and two
 * downloads read together overlap: such re-deliveries (same id, same content) are kept once with one
 * note per file. Records with the same id that say different things (another job, status or error)
 * are both kept, and each pair is named with where both stand: merging them would hide a failure.
 */
import type { LoadedFile } from '../../model/logData';
import { FilePositions } from '../positions';
import type { RepeatedId, SourceRef } from '../../model/store';
import { decodeSlice } from '../encoding';
import type { Json } from './json';
import { normalizeRecord } from '../normalize/normalizeRecord';
import { parse as parseTolerant } from 'jsonc-parser';
import type { Problem, ProvisioningRecord } from '../../common/record';

/** Pairs that differ named one by one before the rest are counted. */
const MAX_LISTED = 50;

/** The record of an earlier JSON event, read back from its bytes. */
export function rereadJson(files: readonly LoadedFile[]): (src: SourceRef) => ProvisioningRecord | undefined {
  return (src) => {
    const f = files[src.file];
    if (f === undefined || f.role !== 'json') return undefined;
    const text = decodeSlice(f.bytes, src.start, src.end).text;
    let value: Json;
    try {
      value = JSON.parse(text) as Json;
    } catch {
      value = parseTolerant(text, [], { allowTrailingComma: true }) as Json;
    }
    return normalizeRecord(value, { depthTruncated: false });
  };
}

/** `azureMonitor`: the records came through Azure Monitor, which delivers at least once. */
export function repeatedIdProblems(repeats: readonly RepeatedId[], files: readonly LoadedFile[], azureMonitor: boolean): Problem[] {
  const out: Problem[] = [];
  const several = files.length > 1;
  const positions = new FilePositions(files);
  const where = (src: SourceRef): string => {
    const f = files[src.file];
    if (f === undefined || src.start < 0) return 'an earlier record';
    const p = positions.of(src.file)!.positionAt(src.start);
    return `${several ? `${f.name} ` : ''}line ${p.line}, column ${p.column}`;
  };
  const differing = repeats.filter((r) => !r.same);
  differing.slice(0, MAX_LISTED).forEach((r) => {
    const f = files[r.second.file];
    const p = f && r.second.start >= 0 ? positions.of(r.second.file)!.positionAt(r.second.start) : undefined;
    out.push({
      severity: 'warning',
      code: 'sameIdDiffers',
      message:
        `Two different records have the same id ${JSON.stringify(r.id.slice(0, 100))}: at ${where(r.first)} and at ${where(r.second)}. ` +
        'Both were kept, since they do not say the same thing (a re-delivery would).',
      ...(p ? { line: p.line, column: p.column } : {}),
      ...(several && f ? { file: f.name } : {}),
    });
  });
  if (differing.length > MAX_LISTED) {
    out.push({ severity: 'warning', code: 'sameIdDiffers', message: `…and ${differing.length - MAX_LISTED} more pairs of different records with the same id; all were kept.` });
  }
  // One note per file that held re-deliveries, counting only that file's.
  const byFile = new Map<number, RepeatedId[]>();
  for (const r of repeats) {
    if (!r.same) continue;
    const list = byFile.get(r.second.file) ?? [];
    list.push(r);
    byFile.set(r.second.file, list);
  }
  const why = azureMonitor ? ' (Azure Monitor delivers a record more than once now and then)' : several ? ' (the files overlap)' : '';
  for (const [file, list] of byFile) {
    const f = files[file];
    const first = list[0]!;
    const p = f && first.second.start >= 0 ? positions.of(file)!.positionAt(first.second.start) : undefined;
    const count = list.length === 1 ? '1 record repeats' : `${list.length} records repeat`;
    out.push({
      severity: 'info',
      code: 'duplicates',
      message: `${count} a record read before, with the same id and the same content${why}; each was kept once. The first repeat is at ${where(first.second)}, first read at ${where(first.first)}.`,
      ...(p ? { line: p.line, column: p.column } : {}),
      ...(several && f ? { file: f.name } : {}),
    });
  }
  return out;
}
