// The host trusts nothing from the detail page beyond the protocol's shapes; the page checks the host too.
import { strict as assert } from 'node:assert';
import { isHostMessage, parseDetailState, parsePageMessage } from '../../../src/shared/detailProtocol';

describe('detail: protocol validation', () => {
  it('accepts each page message in its exact shape', () => {
    const good: unknown[] = [
      { type: 'ready', state: null },
      { type: 'rendered', uri: 'file:///a.json', index: 3, tab: 'summary' },
      { type: 'tab', tab: 'modified' },
      { type: 'navigate', to: 'prev' },
      { type: 'goTo', index: 0 },
      { type: 'copy', field: 'changeId' },
      { type: 'openRaw' },
      { type: 'openLink', url: 'https://learn.microsoft.com/x' },
      { type: 'filter', by: 'errorCode' },
      { type: 'openLog' },
      { type: 'snapshot', requestId: 1, tab: 'steps', text: 'hello' },
    ];
    for (const m of good) assert.deepEqual(parsePageMessage(m), m, JSON.stringify(m));
  });

  it('drops anything else, and extra fields never pass through', () => {
    const bad: unknown[] = [
      null,
      'ready',
      [],
      { type: 'eval', code: 'x' },
      { type: 'navigate', to: 'first' },
      { type: 'goTo', index: -1 },
      { type: 'goTo', index: 1.5 },
      { type: 'goTo', index: '2' },
      { type: 'copy', field: 'password' },
      { type: 'filter', by: 'text' },
      { type: 'tab', tab: '__proto__' },
      { type: 'openLink', url: 42 },
      { type: 'snapshot', requestId: 1, text: 7 },
    ];
    for (const m of bad) assert.equal(parsePageMessage(m), undefined, JSON.stringify(m));
    // The host copies its own value; a value sent along by the page is dropped.
    assert.deepEqual(parsePageMessage({ type: 'copy', field: 'changeId', text: 'attacker text' }), { type: 'copy', field: 'changeId' });
  });

  it('reads the persisted state defensively (a reload hands back whatever was saved)', () => {
    assert.deepEqual(parseDetailState({ uri: 'file:///a.json', index: 2, tab: 'summary', tabChosen: true, id: 'r1', changeId: 'c1', source: 'text', name: 'a.json' }), {
      uri: 'file:///a.json',
      index: 2,
      tab: 'summary',
      tabChosen: true,
      id: 'r1',
      changeId: 'c1',
      source: 'text',
      name: 'a.json',
    });
    assert.deepEqual(parseDetailState({ uri: 'file:///a.json', index: 2, tab: 'nope', source: 'elsewhere' }), { uri: 'file:///a.json', index: 2, tab: 'steps' });
    assert.equal(parseDetailState({ uri: 'file:///a.json' }), undefined);
    assert.equal(parseDetailState(undefined), undefined);
    assert.deepEqual(parsePageMessage({ type: 'ready', state: { garbage: true } }), { type: 'ready', state: null });
  });

  it('lets the page recognise host messages', () => {
    assert.equal(isHostMessage({ type: 'show', view: { uri: 'u', index: 0, header: {}, steps: [] }, source: 'text' }), true);
    assert.equal(isHostMessage({ type: 'empty', empty: { kind: 'nothing', title: '', message: '' } }), true);
    assert.equal(isHostMessage({ type: 'snapshot', requestId: 4 }), true);
    assert.equal(isHostMessage({ type: 'show', view: { uri: 'u' } }), false);
    assert.equal(isHostMessage({ type: 'other' }), false);
  });
});
