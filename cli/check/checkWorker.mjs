// Entry of a `llct check` worker thread. A worker does not inherit the main thread's module hooks, so it
// registers tsx itself before loading the TypeScript sources (a fresh clone runs without a build step).
import { register } from 'tsx/esm/api';

register();
await import('./runCheckWorker.ts');
