/**
 * Links the detail panel may open: documentation on learn.microsoft.com over https, and only the
 * ones the catalog gave for the event on screen. A URL is never taken from the log itself.
 */
import type { DetailView, Link } from './detailTypes';

export function isLearnUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === 'https:' && parsed.hostname === 'learn.microsoft.com' && parsed.username === '' && parsed.password === '' && parsed.port === '';
}

/** Every link the view offers (documentation first); the host opens only these. */
export function linksOf(view: DetailView): Link[] {
  const e = view.troubleshooting.explanation;
  if (e === undefined) return [];
  return [e.docs, ...e.links].filter((l) => isLearnUrl(l.url));
}
