/**
 * Waiting on the real VS Code: most of what the extension does there is asynchronous (webviews post
 * back, the tree refreshes, diagnostics debounce), so tests poll for the state they expect.
 */
export async function waitFor<T>(probe: () => T | undefined | false, what: string, timeoutMs = 20_000, everyMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = probe();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
