import { strict as assert } from 'node:assert';
import { keyAction, type KeyContext } from '../../../../webview-ui/src/viewer/table/gridKeys';

const at = (pos: number, col = 2): KeyContext => ({ pos, col, last: 99, columns: 6, page: 20 });

describe('viewer table keys', () => {
  it('moves between cells with the arrows, within bounds', () => {
    assert.deepEqual(keyAction('ArrowDown', false, at(5)), { kind: 'move', pos: 6, col: 2 });
    assert.deepEqual(keyAction('ArrowDown', false, at(99)), { kind: 'move', pos: 99, col: 2 });
    assert.deepEqual(keyAction('ArrowUp', false, at(0)), { kind: 'move', pos: -1, col: 2 }, 'up from the first row reaches the header');
    assert.deepEqual(keyAction('ArrowUp', false, at(-1)), { kind: 'move', pos: -1, col: 2 });
    assert.deepEqual(keyAction('ArrowRight', false, at(5, 5)), { kind: 'move', pos: 5, col: 5 });
    assert.deepEqual(keyAction('ArrowLeft', false, at(5, 0)), { kind: 'move', pos: 5, col: 0 });
  });

  it('jumps with Home/End (rows; columns in the header unless Ctrl) and PageUp/PageDown', () => {
    assert.deepEqual(keyAction('End', false, at(5)), { kind: 'move', pos: 99, col: 2 });
    assert.deepEqual(keyAction('Home', false, at(50)), { kind: 'move', pos: 0, col: 2 });
    assert.deepEqual(keyAction('End', false, at(-1)), { kind: 'move', pos: -1, col: 5 });
    assert.deepEqual(keyAction('Home', false, at(-1, 4)), { kind: 'move', pos: -1, col: 0 });
    assert.deepEqual(keyAction('End', true, at(-1)), { kind: 'move', pos: 99, col: 2 });
    assert.deepEqual(keyAction('PageDown', false, at(90)), { kind: 'move', pos: 99, col: 2 });
    assert.deepEqual(keyAction('PageDown', false, at(-1)), { kind: 'move', pos: 20, col: 2 });
    assert.deepEqual(keyAction('PageUp', false, at(10)), { kind: 'move', pos: 0, col: 2 });
  });

  it('opens, selects or sorts with Enter and Space, and ignores other keys', () => {
    assert.deepEqual(keyAction('Enter', false, at(3)), { kind: 'open' });
    assert.deepEqual(keyAction(' ', false, at(3)), { kind: 'select' });
    assert.deepEqual(keyAction('Enter', false, at(-1)), { kind: 'sort' });
    assert.deepEqual(keyAction(' ', false, at(-1)), { kind: 'sort' });
    assert.equal(keyAction('a', false, at(3)), undefined);
  });

  it('does nothing harmful in an empty table', () => {
    const empty: KeyContext = { pos: -1, col: 0, last: -1, columns: 6, page: 20 };
    assert.deepEqual(keyAction('ArrowDown', false, empty), { kind: 'move', pos: -1, col: 0 });
    assert.deepEqual(keyAction('End', true, empty), { kind: 'move', pos: -1, col: 0 });
  });
});
