/**
 * Timestamps as Step Functions prints them in the context object ("Context object" page of the developer
 * guide, timestamp format with fractional seconds): ISO 8601 with zero, three, six or nine fractional
 * digits as needed, so a whole second has no fraction at all (`2025-08-27T10:04:42Z`) while
 * `2025-08-27T10:04:42.001Z` keeps its three. The virtual clock counts milliseconds, so zero or three.
 */
export function awsTimestamp(epochMs: number): string {
  const iso = new Date(epochMs).toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
}
