import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { SpreadBeat } from './spread-beat.js';

describe('SpreadBeat', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('beats every item once per interval, a slice per tick, never all at once', () => {
    const beats: number[][] = [];
    let tick: number[] = [];
    const heartbeat = new SpreadBeat<number>(3000, (item) => tick.push(item));
    for (let i = 0; i < 300; i += 1) heartbeat.add(i);
    heartbeat.start();
    for (let t = 0; t < 30; t += 1) {
      vi.advanceTimersByTime(100);
      beats.push(tick);
      tick = [];
    }
    expect(beats.every((slice) => slice.length === 10)).toBe(true); // 300 items, 30 ticks
    expect(
      beats
        .flat()
        .sort((a, b) => a - b)
        .join(),
    ).toBe(Array.from({ length: 300 }, (_, i) => i).join());
    heartbeat.stop();
  });

  it('stops beating an item once it is deleted, and everything once stopped', () => {
    const beaten: string[] = [];
    const heartbeat = new SpreadBeat<string>(3000, (item) => beaten.push(item));
    heartbeat.add('kept');
    heartbeat.add('gone');
    heartbeat.delete('gone');
    heartbeat.start();
    vi.advanceTimersByTime(3000);
    expect(beaten).toEqual(['kept']);
    heartbeat.stop();
    vi.advanceTimersByTime(6000);
    expect(beaten).toEqual(['kept']);
  });

  it('beats everything on each tick when the interval is too short to slice (tests use 100 ms)', () => {
    const beaten: number[] = [];
    const heartbeat = new SpreadBeat<number>(100, (item) => beaten.push(item));
    [1, 2, 3].forEach((item) => heartbeat.add(item));
    heartbeat.start();
    vi.advanceTimersByTime(100);
    expect(beaten).toEqual([1, 2, 3]);
    heartbeat.stop();
  });
});
