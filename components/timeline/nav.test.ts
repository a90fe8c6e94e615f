import { describe, expect, it } from 'vitest';
import { moveKey } from './nav';

const rows = [
  [{ key: 'a1', atMs: 0 }, { key: 'a2', atMs: 100 }],
  [],
  [{ key: 'c1', atMs: 10 }, { key: 'c2', atMs: 90 }, { key: 'c3', atMs: 200 }],
];

describe('moveKey', () => {
  it('moves along a lane and stops at its ends', () => {
    expect(moveKey(rows, 'a1', 'ArrowRight')).toBe('a2');
    expect(moveKey(rows, 'a2', 'ArrowRight')).toBe('a2');
    expect(moveKey(rows, 'c2', 'ArrowLeft')).toBe('c1');
    expect(moveKey(rows, 'c2', 'End')).toBe('c3');
    expect(moveKey(rows, 'c3', 'Home')).toBe('c1');
  });

  it('moves across lanes to the nearest item in time, skipping empty lanes', () => {
    expect(moveKey(rows, 'a2', 'ArrowDown')).toBe('c2');
    expect(moveKey(rows, 'c1', 'ArrowUp')).toBe('a1');
    expect(moveKey(rows, 'a1', 'ArrowUp')).toBe('a1');
  });

  it('ignores other keys', () => {
    expect(moveKey(rows, 'a1', 'x')).toBeUndefined();
  });
});
