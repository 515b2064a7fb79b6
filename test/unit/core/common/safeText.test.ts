// Text VS Code draws for us (titles, labels, notifications, Problems): the same hostile-text rules as the
// webviews, plus VS Code's own syntax in plain strings defused.
import * as assert from 'node:assert/strict';
import { workbenchText } from '../../../../src/core/common/safeText';
import { HOSTILE_NAMES } from '../../../fixtures/generator/hostile';

describe('workbench text (what VS Code draws for us)', () => {
  it('shows a direction override instead of obeying it', () => {
    assert.equal(workbenchText('Evil \u202Egnp.exe\u202C admin'), 'Evil ⟨U+202E⟩gnp.exe⟨U+202C⟩ admin');
  });

  it('keeps everything on one line and cuts long text', () => {
    assert.equal(workbenchText('a\nb\r\nc\u2028d'), 'a b c d');
    const long = workbenchText(HOSTILE_NAMES[6]!, 40);
    assert.equal(long, `${'x'.repeat(40)}…`);
  });

  it('breaks icon and link syntax so it is drawn as text', () => {
    assert.equal(workbenchText('$(alert) [click](command:workbench.action.quit)'), '$\u200b(alert) [click]\u200b(command:workbench.action.quit)');
  });

  it('never lets a hidden character of the hostile names through', () => {
    // eslint-disable-next-line no-control-regex -- control characters are what must not come through
    for (const name of HOSTILE_NAMES) assert.doesNotMatch(workbenchText(name, 100_000), /[\u202a-\u202e\u2066-\u2069\u0000-\u001f]/);
  });
});
