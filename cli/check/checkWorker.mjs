// Entry of a `llct check` worker thread: loads the TypeScript worker as the command itself is loaded (a worker
// does not inherit the main thread's modules; see bin/importSource.mjs).
import { importSource } from '../../bin/importSource.mjs';

await importSource('cli/check/runCheckWorker.ts');
