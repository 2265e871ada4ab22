/**
 * Runs started by webhooks, debounced: the first change of a burst starts a short wait, every change during the
 * wait joins it, then ONE run happens. A change arriving while that run is on gives exactly one more run after it.
 */
export interface DebouncedRuns {
  trigger(): void;
  /** Waits for a pending or running run, then stops taking triggers. */
  stop(): Promise<void>;
}

export function debouncedRuns(run: () => Promise<void>, waitMs: number): DebouncedRuns {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;
  const start = () => {
    timer = undefined;
    running = run()
      .catch(() => {})
      .finally(() => {
        running = undefined;
        if (again && !stopped) {
          again = false;
          schedule();
        }
      });
  };
  const schedule = () => {
    timer = setTimeout(start, waitMs);
  };
  return {
    trigger() {
      if (stopped || timer) return;
      if (running) again = true;
      else schedule();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await running;
    },
  };
}
