/** Starts a dedicated worker; a test passes its own to play the worker's part. */
export type StartWorker<Request, Reply> = () => {
  postMessage(message: Request): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<Reply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
};

/** The worker could not start or crashed: the caller does the work on the main thread. */
export interface WorkerUnavailable {
  unavailable: string;
}

/**
 * Starts a worker, sends it `request` and reads its messages with `read` until `read` returns a
 * result; the worker is ended then. Never rejects: a worker that cannot start (or none at all)
 * or that crashes settles as `{ unavailable: reason }`.
 */
export function askWorker<Request, Reply, Result extends object>(
  start: StartWorker<Request, Reply> | undefined,
  request: Request,
  read: (reply: Reply) => Result | undefined,
): Promise<Result | WorkerUnavailable> {
  return new Promise((resolve) => {
    if (!start) return resolve({ unavailable: 'no-worker' });
    let worker: ReturnType<StartWorker<Request, Reply>>;
    try {
      worker = start();
    } catch (e) {
      return resolve({ unavailable: e instanceof Error ? e.name : 'unknown' });
    }
    worker.onmessage = (event) => {
      const result = read(event.data);
      if (result === undefined) return;
      worker.terminate();
      resolve(result);
    };
    worker.onerror = (event) => {
      event.preventDefault?.();
      worker.terminate();
      resolve({ unavailable: 'worker-error' });
    };
    worker.postMessage(request);
  });
}

export const workerUnavailable = (value: object): value is WorkerUnavailable =>
  'unavailable' in value;
