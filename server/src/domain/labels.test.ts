import { describe, expect, it } from 'vitest';

import { labelTextColor, relativeLuminance } from './labels.js';

const channels = (hex: string) => [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16) / 255);
const contrast = (a: string, b: string) => {
  const [la, lb] = [relativeLuminance(channels(a)), relativeLuminance(channels(b))];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
};

describe('labelTextColor', () => {
  it('keeps white on dark labels and black on light ones', () => {
    expect(labelTextColor('#000000')).toBe('#FFFFFF');
    expect(labelTextColor('#cc0033')).toBe('#FFFFFF');
    expect(labelTextColor('#ffecdb')).toBe('#000000');
    expect(labelTextColor('#69d100')).toBe('#000000');
  });

  it('gives every colour text at 4.5:1 or more (WCAG AA), mid-tones included', () => {
    // The seed's labels, GitLab's palette, and a sweep of greys and hues.
    const colours = ['#d9534f', '#428bca', '#f0ad4e', '#5cb85c', '#a8d695', '#6699cc'];
    for (let v = 0; v < 256; v += 5) {
      const h = v.toString(16).padStart(2, '0');
      colours.push(`#${h}${h}${h}`, `#${h}0000`, `#00${h}00`, `#0000${h}`, `#${h}${h}00`);
    }
    for (const colour of colours) {
      expect(contrast(colour, labelTextColor(colour)), colour).toBeGreaterThanOrEqual(4.5);
    }
    // The old luminance threshold left white on the seed's `bug` red at about 4:1.
    expect(contrast('#d9534f', '#FFFFFF')).toBeLessThan(4.5);
  });
});
