// Entry of a `llct simulate` worker thread: loads the TypeScript worker as the command itself is loaded (a worker
// does not inherit the main thread's modules; see bin/importSource.mjs).
import { importSource } from '../../bin/importSource.mjs';

await importSource('cli/simulate/runSimulateWorker.ts');
