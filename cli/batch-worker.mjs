// Entry of a batch worker thread: a worker does not inherit tsx's loader, so register it here.
import { register } from 'tsx/esm/api';

register();
await import('./batch-worker.ts');
