/**
 * The webview side of VS Code: `acquireVsCodeApi()` may be called once per page, so it lives here,
 * typed by the page's own message and state types.
 */
interface VsCodeApi<TState> {
  postMessage(message: unknown): void;
  getState(): TState | undefined;
  setState(state: TState): void;
}

declare function acquireVsCodeApi<TState>(): VsCodeApi<TState>;

let api: VsCodeApi<unknown> | undefined;

export interface WebviewChannel<TOut, TState> {
  post(message: TOut): void;
  getState(): TState | undefined;
  setState(state: TState): void;
}

export function channel<TOut, TState>(): WebviewChannel<TOut, TState> {
  api ??= acquireVsCodeApi<unknown>();
  const a = api;
  return {
    post: (m) => a.postMessage(m),
    getState: () => a.getState() as TState | undefined,
    setState: (s) => a.setState(s),
  };
}

/** Messages from the host; `accept` validates the shape before the page acts on it. */
export function onHostMessage<TIn>(accept: (data: unknown) => data is TIn, handle: (message: TIn) => void): void {
  window.addEventListener('message', (e: MessageEvent<unknown>) => {
    if (accept(e.data)) handle(e.data);
  });
}
