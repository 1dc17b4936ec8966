import type { Schedule } from '../../editor/storage/createAutosave.ts';

/**
 * A scheduler the test drives by hand: `schedule` records the task, `runDue()` runs every task not cancelled, in
 * order. `scheduled` and `cancelled` count calls, so debouncing is visible without timers.
 */
export function createManualSchedule() {
  let tasks: { fn: () => void; ms: number; cancelled: boolean }[] = [];
  const counts = { scheduled: 0, cancelled: 0 };
  const schedule: Schedule = (fn, ms) => {
    const task = { fn, ms, cancelled: false };
    tasks.push(task);
    counts.scheduled += 1;
    return () => {
      if (!task.cancelled) counts.cancelled += 1;
      task.cancelled = true;
    };
  };
  return {
    schedule,
    counts,
    waiting: () => tasks.filter((t) => !t.cancelled).map((t) => t.ms),
    runDue() {
      const due = tasks.filter((t) => !t.cancelled);
      tasks = [];
      for (const task of due) task.fn();
    },
  };
}
