/**
 * Entry of the detail page. Says `ready` (with the state it restored), then renders what the host
 * sends. Keeps {uri, index, tab} with setState so that a hidden-then-shown panel and a window reload
 * come back to the same change and tab. Alt+Left / Alt+Right walk the cycle.
 */
import '../shared/base.css';
import './detail.css';
import './detailTabs.css';
import {
  isHostMessage,
  parseDetailState,
  type DetailState,
  type DetailTab,
  type DetailView,
  type HostMessage,
  type PageMessage,
} from '../../../src/shared/detailProtocol';
import { channel, onHostMessage } from '../shared/vscodeApi';
import { registerToolkit } from '../shared/toolkit';
import { createLayout } from './layout';
import { setTimeZone } from './localTime';

registerToolkit();
const vscode = channel<PageMessage, DetailState>();
let state: DetailState | undefined = parseDetailState(vscode.getState());
let current: DetailView | undefined;

const post = (m: PageMessage): void => vscode.post(m);

const layout = createLayout(post, (tab) => {
  if (state === undefined) return;
  state = { ...state, tab, tabChosen: true };
  vscode.setState(state);
  post({ type: 'tab', tab });
});
document.getElementById('app')?.append(layout.root);

/** The tab for a newly shown event: forced by the host, else the user's last choice, else the most useful one. */
function tabFor(view: DetailView, forced: DetailTab | undefined): DetailTab {
  if (forced) return forced;
  if (state?.tabChosen) return state.tab;
  const bad = view.troubleshooting.outcome === 'failure' || view.troubleshooting.outcome === 'warning';
  return bad ? 'troubleshooting' : 'steps';
}

function show(m: Extract<HostMessage, { type: 'show' }>): void {
  const view = m.view;
  setTimeZone(m.timeZone);
  const same = current !== undefined && current.uri === view.uri && current.index === view.index;
  const tab = tabFor(view, m.tab);
  current = view;
  layout.showView(view, tab, same);
  state = {
    uri: view.uri,
    index: view.index,
    tab,
    ...(state?.tabChosen ? { tabChosen: true } : {}),
    ...(view.id ? { id: view.id } : {}),
    ...(view.changeId ? { changeId: view.changeId } : {}),
    source: m.source,
    name: view.logName,
  };
  vscode.setState(state);
  if (m.focus) layout.focusTabs();
  post({ type: 'rendered', uri: view.uri, index: view.index, tab });
}

function report(e: unknown): void {
  const message = e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e);
  post({ type: 'error', message: message.slice(0, 4000) });
}
window.addEventListener('error', (e) => report(e.error ?? e.message));
window.addEventListener('unhandledrejection', (e) => report(e.reason));

onHostMessage(isHostMessage, (m) => {
  switch (m.type) {
    case 'show':
      try {
        show(m);
      } catch (e) {
        report(e);
      }
      break;
    case 'empty':
      current = undefined;
      layout.showEmpty(m.empty);
      // Keep the target: a reload must still know which change to wait for.
      if (m.state) {
        state = m.state;
        vscode.setState(m.state);
      }
      break;
    case 'snapshot':
      post({ type: 'snapshot', requestId: m.requestId, tab: layout.activeTab(), text: layout.visibleText() });
      break;
  }
});

// Capture phase, so that the focused tab list does not also take Alt+Left as "previous tab".
window.addEventListener(
  'keydown',
  (e) => {
    if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || current === undefined) return;
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    e.preventDefault();
    e.stopPropagation();
    post({ type: 'navigate', to: e.key === 'ArrowLeft' ? 'prev' : 'next' });
  },
  true,
);

post({ type: 'ready', state: state ?? null });
