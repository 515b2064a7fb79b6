/**
 * "Show raw JSON": the record's own text from the file, prettified losslessly (numbers, escapes and
 * key order as written), or, for CSV rows, which have no JSON of their own, the record rebuilt in
 * the Graph shape of the portal's JSON download.
 */
import { toGraphShape } from '../../read/normalize/graphShape';
import type { LoadedLog } from '../../log/loadedLog';
import type { Flavor } from '../../common/record';
import { prettifyText } from '../../prettify/prettify';
import type { RawView } from './detailTypes';

export interface RawRecord {
  kind: RawView['kind'];
  text: string;
}

export function rawViewFor(flavor: Flavor): RawView {
  if (flavor === 'csv') {
    return {
      kind: 'graphShape',
      label: 'Show as JSON',
      note: 'CSV rows have no JSON of their own: this opens the record rebuilt in the Graph shape of the JSON download.',
    };
  }
  return { kind: 'own', label: 'Show raw JSON', note: "Opens this record's own text from the file, formatted, beside the panel." };
}

export function rawRecord(model: LoadedLog, i: number): RawRecord | undefined {
  const own = model.rawText(i);
  if (own !== undefined) return { kind: 'own', text: prettifyText(own).text };
  const rec = model.record(i);
  if (rec === undefined) return undefined;
  return { kind: 'graphShape', text: `${JSON.stringify(toGraphShape(rec), null, 2)}\n` };
}
