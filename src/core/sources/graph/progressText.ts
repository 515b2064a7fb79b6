/** One line about a running or finished pull, the same words in the CLI's stderr and VS Code's notification. */
import { formatUtc } from '../../common/time';
import type { PullProgress } from './graphPuller';

export function progressText(p: Readonly<PullProgress>): string {
  const parts = [`${p.written.toLocaleString('en-US')} records`, `${p.requests.toLocaleString('en-US')} requests`];
  const waited = p.throttledMs + p.pacedMs;
  if (waited >= 1000) parts.push(`${(waited / 1000).toFixed(0)} s waited for the budget${p.throttledMs >= 1000 ? ` (${(p.throttledMs / 1000).toFixed(0)} s on 429s)` : ''}`);
  parts.push(`complete up to ${formatUtc(p.done)}`);
  return parts.join(' · ');
}

/** What to say after the pull: what was written, what was left out and why. */
export function resultText(p: Readonly<PullProgress>, output: string): string {
  const extra: string[] = [];
  if (p.duplicates > 0) extra.push(`${p.duplicates.toLocaleString('en-US')} duplicates dropped`);
  if (p.filteredOut > 0) extra.push(`${p.filteredOut.toLocaleString('en-US')} left out by the local filter`);
  return `${p.written.toLocaleString('en-US')} records in ${output} (${[`${p.requests} requests`, ...extra].join(', ')}).`;
}
