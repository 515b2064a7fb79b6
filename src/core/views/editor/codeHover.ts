/**
 * The hover on an error code: what it means, what to do, whether and when the service retries (the
 * actual time, from this event's timestamp), the event's own reason and details, and links to act.
 * Catalog texts are ours and go in as Markdown; everything from the log is escaped.
 */
import { describeRetry, lookupErrorCode } from '../../catalog/catalog';
import { describeErrorCategory } from '../../catalog/enumDocs';
import type { LoadedLog } from '../../log/loadedLog';
import { STATUS_LABELS } from '../../common/record';
import { exactFilter } from '../../common/filter';
import { formatUtc } from '../../common/time';
import { actionText, linkRow, type HoverLinks } from './hoverParts';
import { identityOf } from './logDiagnostics';
import { mdInert as safeMd, safeLink } from '../../common/markdownText';

const ICONS = { error: '$(error)', warning: '$(warning)', info: '$(info)' } as const;

export function errorCodeHover(model: LoadedLog, index: number, code: string, links: HoverLinks): string {
  const match = lookupErrorCode(code);
  const e = match.entry;
  const store = model.store;
  const out: string[] = [];

  const s = store.summary(index);
  out.push(`${ICONS[e.severity]} **${safeMd(code, 120)}** · ${match.known ? e.title : 'unrecognized error code'}`);
  // The actions first: a hover is cut to a few lines and scrolls, and "what do I do now" should not need a scroll.
  const actions: [string, string][] = [
    ['$(go-to-file) Show details', links.showDetails(index)],
    ['$(filter) Filter viewer to this code', links.filter(exactFilter('errorCode', code))],
  ];
  if (s.changeId !== '') actions.push(['$(copy) Copy change ID', links.copy(s.changeId, 'Change ID')]);
  actions.push(['$(book) Documentation', e.docs]);
  out.push(linkRow(actions));
  out.push('---');
  if (match.prefix !== undefined) {
    out.push(`*${safeMd(match.prefix, 60)}* is the target app's name in front of the catalog code **${e.code}**.`);
  }
  out.push(e.meaning);
  out.push(`**What to do**\n\n${e.remediation}`);
  out.push(`**Retry:** ${describeRetry(store.time[index]!, match)}`);

  const rec = model.record(index);
  const who = identityOf(store, index);
  const facts = [
    who !== '' ? `**${safeMd(who)}**` : '',
    actionText(s.action, s.actionLabel),
    STATUS_LABELS[s.status],
    Number.isNaN(s.time) ? safeMd(s.activityDateTime) : formatUtc(s.time),
    safeMd(s.appName || s.targetSystem, 80),
  ].filter((f) => f !== '');
  const event: string[] = [`**This event:** ${facts.join(' · ')}`];
  const err = rec?.error;
  const reason = err?.reason || s.reason;
  if (reason.trim() !== '') event.push(`**Reason:** ${safeMd(reason, 800)}`);
  if (err && err.additionalDetails.trim() !== '') event.push(`**Additional details:** ${safeMd(err.additionalDetails, 800)}`);
  if (err && err.recommendedAction.trim() !== '') event.push(`**Recommended action (from the log):** ${safeMd(err.recommendedAction, 500)}`);
  const category = err?.errorCategory || s.errorCategory;
  if (category.trim() !== '') event.push(`**Error category:** ${describeErrorCategory(category)?.label ?? safeMd(category, 60)}`);
  out.push('---');
  out.push(event.join('  \n'));
  if (e.links && e.links.length > 0) out.push(`See also: ${e.links.map((l) => safeLink(l.title, l.url)).join(' · ')}`);
  return out.join('\n\n');
}

/** The hover on a step's SkipReason: a skip, not an error; whether to act and what to change. */
export function skipReasonHover(value: string): string {
  const match = lookupErrorCode(value);
  if (match.skipReason !== true) {
    return `$(info) **${safeMd(value, 120)}** · skip reason not in the catalog\n\n---\n\nA skip, not an error. The step's description says why the service skipped the object.`;
  }
  const e = match.entry;
  const act = e.severity === 'info' ? 'No action needed (expected).' : 'Action needed if this object should be provisioned.';
  return [
    `${ICONS[e.severity]} **${safeMd(value, 120)}** · ${e.title} · skip reason`,
    linkRow([['$(book) Documentation', e.docs]]),
    '---',
    e.meaning,
    `**${act}**\n\n${e.remediation}`,
  ].join('\n\n');
}
