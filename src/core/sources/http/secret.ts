/**
 * A bearer token in a box. Tokens must never reach disk, logs, settings, output files or messages; wrapping the
 * string means a template literal, `JSON.stringify` or a logger prints "[redacted]", and only code that calls
 * `reveal()` (the one line that sets the Authorization header) sees the value.
 */
const REDACTED = '[redacted]';

export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  reveal(): string {
    return this.#value;
  }

  get isEmpty(): boolean {
    return this.#value.length === 0;
  }

  toString(): string {
    return REDACTED;
  }

  toJSON(): string {
    return REDACTED;
  }
}

/** `text` with every occurrence of each secret's value replaced, for messages built from a service's own words. */
export function redact(text: string, ...secrets: readonly (Secret | string | undefined)[]): string {
  let out = text;
  for (const s of secrets) {
    const v = s instanceof Secret ? s.reveal() : s;
    // Short values could match ordinary words; real tokens are hundreds of characters.
    if (v && v.length >= 8) out = out.split(v).join(REDACTED);
  }
  return out;
}
