import type { StartWorker } from '../../../src/data/catalogue/dedicated-worker';

/**
 * Plays a dedicated worker: for each request, sends what `answer` gives, one message a task
 * ('crash' raises the worker's error event instead), and remembers the requests and whether the
 * worker was ended.
 */
export function fakeWorker<Request, Reply>(answer: (request: Request) => (Reply | 'crash')[]) {
  const seen = { requests: [] as Request[], terminated: 0 };
  const start: StartWorker<Request, Reply> = () => {
    const worker: ReturnType<StartWorker<Request, Reply>> = {
      onmessage: null,
      onerror: null,
      postMessage(request: Request) {
        seen.requests.push(request);
        const replies = answer(request);
        void (async () => {
          for (const reply of replies) {
            await new Promise((r) => setTimeout(r, 0));
            if (reply === 'crash') worker.onerror?.(new ErrorEvent('error'));
            else worker.onmessage?.(new MessageEvent('message', { data: reply }));
          }
        })();
      },
      terminate() {
        seen.terminated += 1;
      },
    };
    return worker;
  };
  return { start, seen };
}
