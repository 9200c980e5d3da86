/**
 * Chart colours. Each keeps at least 3:1 contrast (WCAG non-text contrast)
 * against both the light page (#ffffff) and the dark one (#15171a), so
 * one SVG serves both themes; text uses currentColor and follows the page.
 */
export const ACCENT = '#d4520f';
export const PRIMARY = '#3a78c9';
export const MUTED = '#8a8f98';
/**
 * Colours for series, in order. Grey (MUTED) is not among them: grey means
 * context. See seriesColours.ts for which series get which.
 */
export const SERIES = [PRIMARY, ACCENT, '#2e9e6f', '#a35fc9', '#b8860b'];
/** Highlighted series take these in order: the accent first. */
export const HIGHLIGHTS = [ACCENT, PRIMARY, '#2e9e6f', '#a35fc9', '#b8860b'];
