/**
 * One generated download (seed 11, 600 events in cycles of 30) and the obvious way to filter it,
 * shared by the tests of the index, the query engine, the sorter and the summaries.
 */
import { generateRecords } from '../../fixtures/generator/records';
import { portalJson } from '../../fixtures/generator/writers';
import { readText } from '../helpers';

export const records = generateRecords({ seed: 11, count: 600, perCycle: 30 });
export const log = readText(portalJson(records));
export const { store } = log;
export const all = [...Array(store.size).keys()];

/** The same filter computed the slow, obvious way, to check the fast one against. */
export function naive(pred: (i: number) => boolean): number[] {
  return all.filter(pred);
}
