// Entry of a `llct simulate` worker thread: registers tsx (a worker does not inherit the main thread's module hooks),
// then loads the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./runSimulateWorker.ts');
