/**
 * Whether an imported file's text names the overlay schema (`"schema": "llct/ruleset-overlay"` near its start): the
 * import button then reads it as an overlay (loaded on demand) rather than as a ruleset.
 */
export function looksLikeOverlay(text: string): boolean {
  return /"schema"\s*:\s*"llct\/ruleset-overlay"/.test(text.slice(0, 4096));
}
