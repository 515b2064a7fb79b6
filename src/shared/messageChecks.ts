/**
 * Shape checks shared by the viewer and detail protocols. A webview page renders hostile log text,
 * so neither side trusts a message it receives until its fields pass checks like these.
 */

/** A plain object; an array or null is not one, though `typeof` says "object" for both. */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** An event index, row number or sequence number: a whole number that fits a Uint32Array. */
export function isIndex(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 0xffffffff;
}
