/**
 * What a key does in the events table, as data (so it is unit-tested without a DOM): arrows move
 * between cells, Home/End go to the first/last row (first/last column in the header row, or with
 * Ctrl to the first/last row from anywhere), PageUp/PageDown move a screenful, Enter opens the
 * row's details or sorts by a header, Space selects the row or sorts by a header.
 */
export interface KeyContext {
  /** Focused row (-1: the header row). */
  pos: number;
  col: number;
  /** Last row (-1 when there are none). */
  last: number;
  columns: number;
  /** Rows in a screenful. */
  page: number;
}

export type KeyAction = { kind: 'move'; pos: number; col: number } | { kind: 'sort' } | { kind: 'open' } | { kind: 'select' };

export function keyAction(key: string, ctrl: boolean, c: KeyContext): KeyAction | undefined {
  const move = (pos: number, col = c.col): KeyAction => ({
    kind: 'move',
    pos: Math.max(-1, Math.min(pos, c.last)),
    col: Math.max(0, Math.min(col, c.columns - 1)),
  });
  const first = Math.min(0, c.last);
  switch (key) {
    case 'ArrowDown':
      return move(c.pos + 1);
    case 'ArrowUp':
      return move(c.pos - 1);
    case 'ArrowRight':
      return move(c.pos, c.col + 1);
    case 'ArrowLeft':
      return move(c.pos, c.col - 1);
    case 'Home':
      return c.pos < 0 && !ctrl ? move(-1, 0) : move(first);
    case 'End':
      return c.pos < 0 && !ctrl ? move(-1, c.columns - 1) : move(c.last);
    case 'PageDown':
      return move(Math.max(0, c.pos) + c.page);
    case 'PageUp':
      return move(Math.max(first, c.pos - c.page));
    case 'Enter':
      return c.pos < 0 ? { kind: 'sort' } : { kind: 'open' };
    case ' ':
      return c.pos < 0 ? { kind: 'sort' } : { kind: 'select' };
    default:
      return undefined;
  }
}
