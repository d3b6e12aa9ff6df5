// Long work as steps: a generator yields between units of work (a table, a rule), so the same
// code runs straight through in Node and in time slices on a page (no long task, a time budget).
export type Steps<T> = Generator<void, T, void>;

/** Run all steps now. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Let the page breathe between slices (scheduler.yield where available). */
export function yieldToPage(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return s?.yield ? s.yield() : new Promise((r) => setTimeout(r, 0));
}
