// The wait-estimate thread's entry when the server runs from source (`npm run dev`, the tests):
// TypeScript through tsx, whose loader a worker must register for itself (an `--import tsx` in
// the worker's execArgv is not applied to it on Node 20).
import { register } from 'tsx/esm/api';

register();
await import('./estimate-worker.ts');
