/**
 * Backpressure on stdout for the streamed outputs of `llct check` and `llct diff`: reading pauses while stdout holds
 * more than STDOUT_BACKLOG bytes not yet taken by the reader, so memory stays bounded whatever consumes the output
 * (`llct check … | gzip`). When a command's output does not go to stdout, stdout holds nothing and this never waits.
 */

/** Output stdout may hold before the reading waits for it. */
const STDOUT_BACKLOG = 8 * 1024 * 1024;

/** Resolves at once unless stdout is backed up; then when it drains (or closes). */
export async function stdoutRoom(): Promise<void> {
  const s = process.stdout;
  while (s.writableLength > STDOUT_BACKLOG && !s.destroyed && !s.writableEnded) {
    await new Promise<void>((resolve) => {
      const done = () => {
        s.off('drain', done); s.off('close', done); s.off('error', done);
        resolve();
      };
      s.once('drain', done); s.once('close', done); s.once('error', done);
    });
  }
}
