/**
 * A progress indicator on stderr: redrawn in place on a terminal, a line every 10 % otherwise (CI logs with
 * --progress). Updates are throttled to ten a second; stdout is never touched.
 */
export interface Progress {
  update(done: number, total: number): void;
  finish(): void;
}

export function createProgress(enabled: boolean, tty: boolean, write: (text: string) => void, label: string): Progress {
  if (!enabled) return { update() {}, finish() {} };
  let last = 0;
  let lastDecile = -1;
  let drawn = false;
  return {
    update(done, total) {
      if (total <= 0) return;
      const pct = Math.floor((done * 100) / total);
      if (tty) {
        const now = Date.now();
        if (now - last < 100 && done < total) return;
        last = now;
        write(`\r${label} ${done}/${total} (${pct}%)`);
        drawn = true;
      } else {
        const decile = Math.floor(pct / 10);
        if (decile === lastDecile) return;
        lastDecile = decile;
        write(`${label} ${done}/${total} (${pct}%)\n`);
      }
    },
    finish() {
      if (tty && drawn) write('\r\u001b[2K');
    },
  };
}
