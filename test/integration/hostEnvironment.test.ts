// The harness itself: what runTests is given as extensionTestsEnv reaches the extension host through the
// launcher and code-server (PROVLOG_COUNTS_FILE depends on it).
import * as assert from 'node:assert/strict';
import { ENV_PROBE } from '../harness/repoPaths';

describe('test host', () => {
  it('passes extensionTestsEnv through to the extension host', () => {
    assert.equal(process.env[ENV_PROBE.name], ENV_PROBE.value);
  });
});
