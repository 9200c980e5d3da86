/**
 * Chart colours. Each keeps at least 3:1 contrast (WCAG non-text contrast)
 * against both the light page (#ffffff) and the dark one (#15171a), so
 * one SVG serves both themes; text uses currentColor and follows the page.
 */
export const ACCENT = '#d4520f';
export const PRIMARY = '#3a78c9';
export const MUTED = '#8a8f98';
/** Further series, after PRIMARY and ACCENT. */
export const SERIES = [PRIMARY, ACCENT, '#2e9e6f', '#a35fc9', '#b8860b', MUTED];
