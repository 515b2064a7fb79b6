/**
 * Options for the threads that read logs (the viewer's load worker and the parallel reader's
 * helpers). A reader makes millions of short-lived objects, each record parsed, normalised and
 * dropped; V8's default young generation then keeps tens of MB resident per thread for garbage.
 * Smaller semi-spaces are collected more often, each collection as cheap (few objects survive), and
 * keep a thread's footprint near what it really holds.
 */
import type { WorkerOptions } from 'node:worker_threads';

export const READER_THREAD: WorkerOptions = { resourceLimits: { maxYoungGenerationSizeMb: 12 } };
