import { strict as assert } from 'node:assert';
import { parseState, sameQuery, serializeState, stateFileName, type GraphFetchState } from '../../../../../src/core/sources/graph/fetchState';
import { recordKey, SeenIds } from '../../../../../src/core/sources/graph/seenIds';

const STATE: GraphFetchState = {
  query: { graphUrl: 'https://graph.microsoft.com', apiVersion: 'v1.0', clauses: ["provisioningStatusInfo/status eq 'failure'"], local: { errorCode: 'X', identity: 'a' }, top: 1000 },
  since: Date.UTC(2026, 0, 1),
  until: Date.UTC(2026, 0, 8),
  done: Date.UTC(2026, 0, 3),
  bytes: 12345,
  records: 17,
  windowMs: 3600_000,
};

describe('Graph fetch resume state', () => {
  it('round-trips through its file next to the output', () => {
    assert.equal(stateFileName('/tmp/out.jsonl'), '/tmp/out.jsonl.fetch-state');
    assert.deepEqual(parseState(serializeState(STATE)), STATE);
  });

  it('says in a sentence why a state cannot be used', () => {
    assert.match(String(parseState('{')), /not valid JSON/);
    assert.match(String(parseState('{"kind":"other"}')), /not written by a Microsoft Graph fetch/);
    const text = serializeState(STATE);
    assert.match(String(parseState(text.replace('"version": 1', '"version": 9'))), /version 9/);
    assert.match(String(parseState(text.replace(/"done": "[^"]+"/, '"done": "yesterday"'))), /unreadable times/);
  });

  it('recognises the same query whatever the order of filter fields, and a different one', () => {
    const reordered = { ...STATE.query, local: { identity: 'a', errorCode: 'X' } };
    assert.equal(sameQuery(STATE.query, reordered), true);
    assert.equal(sameQuery(STATE.query, { ...STATE.query, apiVersion: 'beta' }), false);
    assert.equal(sameQuery(STATE.query, { ...STATE.query, clauses: [] }), false);
  });
});

describe('Graph record ids seen', () => {
  it('drops a duplicate, and forgets ids behind the overlap only', () => {
    const seen = new SeenIds();
    assert.equal(seen.add('a', 1000), true);
    assert.equal(seen.add('a', 1000), false);
    seen.add('b', 5000);
    seen.add('c', NaN);
    seen.forgetBefore(4000);
    assert.equal(seen.has('a'), false);
    assert.equal(seen.has('b'), true);
    assert.equal(seen.has('c'), true, 'a record without a readable time is never forgotten');
  });

  it('reads the id and time of a line, and nothing from a line that is not a record', () => {
    assert.deepEqual(recordKey('{"id":"x","activityDateTime":"2026-01-01T00:00:00Z"}'), { id: 'x', time: Date.UTC(2026, 0, 1) });
    assert.equal(recordKey('{"id":""}'), undefined);
    assert.equal(recordKey('not json'), undefined);
  });
});
