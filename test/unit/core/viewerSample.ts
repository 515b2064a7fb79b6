/**
 * One generated download (seed 21, 900 events in cycles of 30) loaded as the viewer has it, shared
 * by the tests of what the viewer is given: rows, facets, chart and header.
 */
import { LoadedLog } from '../../../src/core/log/loadedLog';
import { generateRecords } from '../../fixtures/generator/records';
import { portalJson } from '../../fixtures/generator/writers';
import { readText } from '../helpers';

export const records = generateRecords({ seed: 21, count: 900, perCycle: 30 });
export const log = readText(portalJson(records));
export const model = new LoadedLog(log);
export const { store } = model;
export const all = Uint32Array.from(store.size === 0 ? [] : [...Array(store.size).keys()]);
