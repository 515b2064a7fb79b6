/**
 * Typed access to parsed JSON of unknown shape. Provisioning records come in camelCase (Graph),
 * PascalCase inside objects (diagnostic exports: `Id`, `Name`, `Status`), as JSON strings (Log
 * Analytics columns) and as PowerShell's flattened `@{k=v}` text, so every accessor takes a list of
 * candidate names and tolerates the other shapes.
 */
import { parseHashtableText, isFlattenedArrayText } from './powershell';

export type Json = null | boolean | number | string | Json[] | JsonObject;
export interface JsonObject {
  [key: string]: Json;
}

/** What normalisation noticed about one record. */
export interface ReadNotes {
  /** A value PowerShell flattened (`@{…}` or `System.Object[]`) stood where an object or array belongs. */
  depthTruncated: boolean;
}

export function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The first candidate key present (and not undefined) on `o`. */
export function prop(o: JsonObject | undefined, names: readonly string[]): Json | undefined {
  if (o === undefined) return undefined;
  for (const n of names) {
    const v = o[n];
    if (v !== undefined) return v;
  }
  return undefined;
}

/** A string value; numbers and booleans as their JSON text; absent or null → ''. */
export function text(v: Json | undefined): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return '';
}

/** Like `text` but keeps null distinct from '' (modified properties). */
export function nullableText(v: Json | undefined): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'object') return JSON.stringify(v);
  return text(v);
}

/** A number from a number or a numeric string (`durationMs` arrives as both). */
export function num(v: Json | undefined): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

/**
 * An object from: an object; a one-element array of objects (`servicePrincipal` as a collection);
 * a JSON string (Log Analytics columns); PowerShell's `@{k=v; …}` text (flagged in `notes`).
 */
export function obj(v: Json | undefined, notes: ReadNotes): JsonObject | undefined {
  if (isObject(v)) return v;
  if (Array.isArray(v)) {
    const first = v[0];
    return isObject(first) ? first : typeof first === 'string' ? obj(first, notes) : undefined;
  }
  if (typeof v === 'string') {
    const s = v.trim();
    if (s.startsWith('{')) {
      const parsed = tryParse(s);
      return isObject(parsed) ? parsed : undefined;
    }
    const table = parseHashtableText(s);
    if (table !== undefined) {
      notes.depthTruncated = true;
      return table;
    }
    if (isFlattenedArrayText(s)) notes.depthTruncated = true;
  }
  return undefined;
}

/** An array from: an array; a JSON string holding one (Log Analytics); flattened PowerShell text (flagged). */
export function arr(v: Json | undefined, notes: ReadNotes): Json[] {
  if (Array.isArray(v)) return v;
  if (typeof v === 'string') {
    const s = v.trim();
    if (s.startsWith('[')) {
      const parsed = tryParse(s);
      if (Array.isArray(parsed)) return parsed;
    }
    if (isFlattenedArrayText(s)) {
      notes.depthTruncated = true;
      return [];
    }
    const table = parseHashtableText(s);
    if (table !== undefined) {
      notes.depthTruncated = true;
      return [table];
    }
  }
  if (isObject(v)) return [v];
  return [];
}

/** A flat string → string map (`details`); nested values become their JSON text. */
export function details(v: Json | undefined, notes: ReadNotes): Record<string, string> {
  const o = obj(v, notes);
  if (o === undefined) return {};
  // On the wire every value is already a string: hand the parsed map over instead of copying it
  // (a record has half a dozen of these, 100,000 records a few hundred thousand).
  let flat = true;
  for (const k in o) {
    if (typeof o[k] !== 'string') {
      flat = false;
      break;
    }
  }
  if (flat) return o as Record<string, string>;
  const out: Record<string, string> = {};
  for (const k of Object.keys(o)) {
    const x = o[k];
    out[k] = typeof x === 'object' && x !== null ? JSON.stringify(x) : text(x);
  }
  return out;
}

function tryParse(s: string): Json | undefined {
  try {
    return JSON.parse(s) as Json;
  } catch {
    return undefined;
  }
}

/**
 * PowerShell SDK dumps (`Get-MgAuditLogProvisioning | ConvertTo-Json`) use PascalCase everywhere.
 * Lower-case the first letter of every key except inside free-form maps, whose keys are data.
 */
export function camelCaseKeys(v: Json): Json {
  if (Array.isArray(v)) return v.map(camelCaseKeys);
  if (!isObject(v)) return v;
  const out: JsonObject = {};
  for (const k of Object.keys(v)) {
    const ck = k.length > 0 ? k[0]!.toLowerCase() + k.slice(1) : k;
    const x = v[k]!;
    out[ck] = FREE_FORM_KEYS.has(ck) ? x : camelCaseKeys(x);
  }
  return out;
}
const FREE_FORM_KEYS = new Set(['details', 'additionalProperties']);
