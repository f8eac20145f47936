import './first-paint-styles';
import { watchTypedBeforeStart } from './routes/typed-before-start';

/**
 * The entry index.html loads: a few hundred bytes that let the browser paint the static shell
 * (index.html) before the app's code is fetched and evaluated. Evaluating React, the router and
 * the texts is one long task; started before the first paint it held that paint back (and a
 * keystroke in the static search field with it), on a cold start and from the service worker.
 */

/** Resolves after the browser has painted a frame: a task after the next animation frame. */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const go = () => {
      if (done) return;
      done = true;
      resolve();
    };
    // The frame's paint follows its animation-frame callbacks; a new task runs after it.
    requestAnimationFrame(() => setTimeout(go, 0));
    // A page opened in the background gets no frames: the app starts all the same.
    setTimeout(go, 200);
  });
}

// Read by `npm run bench` (test/bench/startup.ts).
performance.mark('dichtbij:boot');
// React's first render replaces index.html's static start-page field: keep what is typed in it.
watchTypedBeforeStart();
void afterNextPaint().then(() => {
  // The start page's chunk is fetched alongside the app's, not only when the router asks for it.
  if (location.pathname === '/') void import('./routes/start-page');
  return import('./main');
});
