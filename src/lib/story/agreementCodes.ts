/**
 * The chart-and-text warnings (see agreement.ts), by the code a section's
 * `accept:` names, each with what it guards against. Kept apart so that the
 * section schema can list them without importing chart code.
 */
/** The warnings a section may accept, each with what it guards against. */
export const AGREEMENT_CODES = {
  'off-chart': "a figure in the step's text that its chart does not draw",
  baseline: 'the same measure redrawn from the step before on another baseline, kind or scale',
  'few-places': 'a map of so few places that sorted bars would read better',
  'two-values': 'a chart of two values, which a sentence says better',
  rounding: 'one figure rounded differently in two places',
} as const;
export type AgreementCode = keyof typeof AGREEMENT_CODES;
