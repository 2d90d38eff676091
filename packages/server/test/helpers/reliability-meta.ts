/**
 * What the reliability tests record on their vitest task (`task.meta`), which the JSON reporter
 * carries into the report that `scripts/reliability-report.mjs` turns into docs/reliability.md.
 */
declare module 'vitest' {
  interface TaskMeta {
    reliability?: Record<string, string | number | boolean>;
  }
}

export {};
