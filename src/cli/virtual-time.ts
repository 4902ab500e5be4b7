/** Virtual time as the run and test reports print it: "3s", "1.5m", "1.00h". */
export function formatVirtualTime(ms: number): string {
  const s = ms / 1000;
  return s >= 3600 ? `${(s / 3600).toFixed(2)}h` : s >= 60 ? `${(s / 60).toFixed(1)}m` : `${Number(s.toFixed(3))}s`;
}
