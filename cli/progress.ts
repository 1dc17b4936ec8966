/**
 * A progress indicator on stderr: redrawn in place on a terminal, a line every 10 % otherwise (CI logs with
 * --progress). Updates are throttled to ten a second; stdout is never touched. Off a terminal, `finish` writes the
 * last update when it was held back (the 100 % line may come while the last rows are still being counted), so the
 * log always ends on the final count.
 */
export interface Progress {
  /** `done` of `total` (any unit: rows, bytes); `note` replaces the "done/total" text (e.g. "12000 hàng"). */
  update(done: number, total: number, note?: string): void;
  finish(): void;
}

export function createProgress(enabled: boolean, tty: boolean, write: (text: string) => void, label: string): Progress {
  if (!enabled) return { update() {}, finish() {} };
  let last = 0;
  let lastDecile = -1;
  let drawn = false;
  let latest = '';
  let written = '';
  return {
    update(done, total, note) {
      if (total <= 0) return;
      const pct = Math.min(100, Math.floor((done * 100) / total));
      const text = `${label} ${note ?? `${done}/${total}`} (${pct}%)`;
      latest = text;
      if (tty) {
        const now = Date.now();
        if (now - last < 100 && done < total) return;
        last = now;
        write(`\r\u001b[2K${text}`);
        drawn = true;
      } else {
        const decile = Math.floor(pct / 10);
        if (decile === lastDecile) return;
        lastDecile = decile;
        written = text;
        write(`${text}\n`);
      }
    },
    finish() {
      if (tty && drawn) write('\r\u001b[2K');
      if (!tty && latest !== written) { written = latest; write(`${latest}\n`); }
    },
  };
}
