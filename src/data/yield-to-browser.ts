/**
 * Lets the browser paint and handle input (a keystroke in the static field, a tap) before the
 * next piece of work: `scheduler.yield()` where there is one, else a new task.
 */
export function yieldToBrowser(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
