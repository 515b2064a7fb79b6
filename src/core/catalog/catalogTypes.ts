/**
 * Shapes of the error-code catalog. Plain data so that entries cross worker, CLI and webview
 * boundaries unchanged.
 */

/** Whether the provisioning service tries the same change again by itself. */
export type RetryPolicy = 'automatic' | 'none';

/**
 * `error`: someone has to act. `warning`: the service retries by itself, or only part of the
 * object was affected. `info`: an expected skip.
 */
export type CatalogSeverity = 'error' | 'warning' | 'info';

/** Short labels users can group and filter by; a union so that facets never split on a typo. */
export type CatalogCategory =
  | 'Target application'
  | 'Attribute mapping'
  | 'Matching'
  | 'Scoping'
  | 'SCIM endpoint'
  | 'Reference resolution'
  | 'Provisioning service'
  | 'Cross-tenant synchronization'
  | 'Cloud sync'
  | 'Cloud sync agent'
  | 'Active Directory'
  /** Not an error: a step's `SkipReason` (see skipReasonData.ts). */
  | 'Skip reason'
  | 'Unknown';

export interface CatalogLink {
  title: string;
  url: string;
}

export interface CatalogEntry {
  /** The code as the service writes it on the wire. */
  code: string;
  /** A few words, used as the diagnostic message. */
  title: string;
  /** What happened, 1–3 sentences. */
  meaning: string;
  /** What to do; numbered steps separated by newlines where there are several. */
  remediation: string;
  retry: RetryPolicy;
  /** Only where Microsoft documents the delay. */
  retryAfterMinutes?: number;
  severity: CatalogSeverity;
  category: CatalogCategory;
  /** The learn.microsoft.com page (and anchor) that documents the code. */
  docs: string;
  links?: readonly CatalogLink[];
}

export interface CatalogMatch {
  /** The code as given by the caller. */
  code: string;
  /** The catalog code it resolved to; for unknown codes, the given code trimmed. */
  canonical: string;
  known: boolean;
  /** The target application's name in front of a base code (`Contoso` in `ContosoEntryConflict`). */
  prefix?: string;
  /** The value is a step's `SkipReason`, not an error code: the entry is the skip reason's. */
  skipReason?: boolean;
  entry: CatalogEntry;
}

/** A value of a step's `details.SkipReason`, which says why a step was skipped. */
export interface SkipReasonEntry {
  value: string;
  title: string;
  /** What happened, 1–2 sentences. */
  meaning: string;
  /** Whether someone has to change something for the object to be provisioned. */
  actionNeeded: boolean;
  /** What to change (or why nothing needs to), numbered steps separated by newlines. */
  remediation: string;
  /** The learn.microsoft.com page that explains this kind of skip. */
  docs: string;
}

/** The `provlog explain --json` contract; key order is part of it. */
export interface ExplainJson {
  code: string;
  known: boolean;
  canonical: string;
  retry: RetryPolicy;
  retryAfterMinutes?: number;
  severity: CatalogSeverity;
  meaning: string;
  remediation: string;
  docs: string;
  /** Present (true) when the value is a step's SkipReason rather than an error code. */
  skipReason?: true;
}
