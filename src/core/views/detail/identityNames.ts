/**
 * How an event's identity and systems are named in sentences and headers. Records often lack a
 * display name (targets, skipped objects), so we fall back the way FIMTooler's reporter does: the
 * reportable identifier of a step, then the user principal name, then an id.
 */
import type { ProvisioningRecord } from '../../common/record';
import { clip, oneLineUncut } from '../../common/safeText';

/** Longest name put into a sentence or title; the full text stays available in the Summary tab. */
export const NAME_LIMIT = 80;

/** A name for a sentence: on one line, hidden characters shown, trimmed and cut by the one cut rule. */
export function shortName(text: string, limit = NAME_LIMIT): string {
  return clip(oneLineUncut(text).trim(), limit);
}

/** The best human name of the event's object, untruncated; '' only when the record has nothing at all. */
export function identityName(r: ProvisioningRecord): string {
  const candidates = [
    r.sourceIdentity.displayName,
    r.targetIdentity.displayName,
    ...r.steps.map((s) => s.details['ReportableIdentifier'] ?? ''),
    r.sourceIdentity.details['DisplayName'] ?? '',
    r.sourceIdentity.details['UserPrincipalName'] ?? '',
    r.sourceIdentity.id,
    r.targetIdentity.id,
  ];
  return candidates.find((c) => c.trim() !== '')?.trim() ?? '';
}

const TYPE_WORDS: Readonly<Record<string, string>> = {
  user: 'user',
  group: 'group',
  serviceprincipal: 'service principal',
  rolescompound: 'role set',
  device: 'device',
  contact: 'contact',
  application: 'application',
};

/**
 * `User`, `urn:ietf:params:scim:schemas:core:2.0:User`, `ServicePrincipal` → `user`, `user`,
 * `service principal`. App-specific names (`sys_user_group`) say nothing we can trust: ''.
 */
export function identityTypeLabel(type: string): string {
  const last = type.trim().split(':').pop() ?? '';
  return TYPE_WORDS[last.toLowerCase()] ?? '';
}

/** The event's object type in words: the source's type, else the target's, else `object`. */
export function objectWord(r: ProvisioningRecord): string {
  return identityTypeLabel(r.sourceIdentity.identityType) || identityTypeLabel(r.targetIdentity.identityType) || 'object';
}

/**
 * Non-gallery (SCIM) apps all call their target system `customappsso`; the application's own name
 * (the service principal) says which app it is.
 */
const GENERIC_TARGETS = new Set(['customappsso']);

function isGeneric(name: string): boolean {
  return GENERIC_TARGETS.has(name.trim().toLowerCase());
}

/** Where the change was written: the target system, else (or when it is generic) the application. */
export function targetName(r: ProvisioningRecord): string {
  const target = r.targetSystem.displayName.trim();
  const app = r.servicePrincipal.displayName.trim();
  if (target !== '' && !(isGeneric(target) && app !== '')) return target;
  return app || target || 'the target system';
}

/** `Microsoft Entra ID → ServiceNow`; `… → Contoso HR (customappsso)` for SCIM apps. */
export function systemsLine(r: ProvisioningRecord): string {
  const source = r.sourceSystem.displayName.trim();
  const target = r.targetSystem.displayName.trim();
  if (source === '' && target === '') return '';
  const app = r.servicePrincipal.displayName.trim();
  const shownTarget = isGeneric(target) && app !== '' ? `${app} (${target})` : target;
  return `${source || 'unknown source'} → ${shownTarget || 'unknown target'}`;
}

export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** `2785` → `2.8 s`, `61000` → `1 min 1 s`, `95` → `95 ms`. */
export function formatDuration(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms) || ms < 0) return '';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  if (minutes < 60) return `${minutes} min ${seconds} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
