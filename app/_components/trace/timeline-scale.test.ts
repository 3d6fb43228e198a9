// Zoom and ticks: zooming keeps the point under the pointer still and never leaves the trace;
// ticks fall on round times a learner can read.
import { describe, expect, it } from 'vitest';
import { MIN_SPAN, formatDuration, formatTime, fullView, isFullView, panView, rangeView, tickStep, ticks, toPixels, toTime, zoomView } from './timeline-scale';

const second = 1_000_000_000;

describe('zoom', () => {
  const full = fullView(second);

  it('zooms in around the anchor, keeping it at the same place on screen', () => {
    const anchor = 0.25 * second;
    const zoomed = zoomView(full, 2, second, anchor);
    expect(zoomed.end - zoomed.start).toBe(second / 2);
    expect(toPixels(zoomed, 800, anchor)).toBeCloseTo(toPixels(full, 800, anchor));
  });

  it('never zooms out past the whole trace, nor in past a microsecond', () => {
    expect(zoomView(zoomView(full, 2, second), 0.1, second)).toEqual(full);
    let view = full;
    for (let i = 0; i < 40; i += 1) view = zoomView(view, 2, second);
    expect(view.end - view.start).toBe(MIN_SPAN);
    expect(isFullView(full, second)).toBe(true);
    expect(isFullView(view, second)).toBe(false);
  });

  it('keeps the window inside the trace when zooming near an edge or panning', () => {
    const nearEnd = zoomView(full, 4, second, second);
    expect(nearEnd.end).toBe(second);
    const panned = panView(nearEnd, 1, second);
    expect(panned).toEqual(nearEnd);
    expect(panView(nearEnd, -10, second).start).toBe(0);
  });

  it('turns a dragged pixel range into a window, in either direction', () => {
    expect(rangeView(full, 1000, 600, 200, second)).toEqual({ start: 0.2 * second, end: 0.6 * second });
    expect(toTime(full, 1000, 500)).toBe(0.5 * second);
  });
});

describe('ticks', () => {
  it('steps by 1, 2 or 5 times a power of ten', () => {
    expect(tickStep(second, 5)).toBe(200_000_000);
    expect(tickStep(3 * second, 6)).toBe(500_000_000);
    expect(tickStep(1_000, 10)).toBe(100);
  });

  it('places ticks on multiples of the step inside the window', () => {
    const { step, times } = ticks({ start: 150_000_000, end: 1_010_000_000 }, 5);
    expect(step).toBe(200_000_000);
    expect(times).toEqual([200_000_000, 400_000_000, 600_000_000, 800_000_000, 1_000_000_000]);
  });

  it('labels times in the unit of the step', () => {
    expect(formatTime(0, 200_000_000)).toBe('0');
    expect(formatTime(400_000_000, 200_000_000)).toBe('400 ms');
    expect(formatTime(1_500_000_000, 500_000_000)).toBe('1500 ms');
    expect(formatTime(1_500_000_000, second)).toBe('1.5 s');
    expect(formatTime(2 * second, second)).toBe('2 s');
    expect(formatTime(40_000, 10_000)).toBe('40 µs');
    expect(formatDuration(1_012_000_000)).toBe('1.01 s');
    expect(formatDuration(300_400_000)).toBe('300 ms');
    expect(formatDuration(12_400)).toBe('12.4 µs');
  });
});
