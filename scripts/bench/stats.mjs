// Small helpers shared by the bench scripts.

/** The p-th percentile (nearest rank) of `values`. */
export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The baseline's Markdown renderer, from this folder's node_modules (setup.sh bench). */
export const MARKED = new URL('./node_modules/marked/lib/marked.esm.js', import.meta.url).pathname;
