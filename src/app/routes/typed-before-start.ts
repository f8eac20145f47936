/**
 * What a worker typed into the start page's search field that index.html paints before any
 * script has run (the "start shell", shown on `/` only by public/start-shell.js). React replaces
 * that markup on its first render; the start page's own field takes the text and the focus over,
 * so a keystroke made during start-up is not lost.
 */
export interface TypedBeforeStart {
  value: string;
  focused: boolean;
}

/** The static field inside index.html's start shell (gone once React has rendered). */
const STATIC_FIELD = '.start-shell-only input[type="search"]';

let remembered: TypedBeforeStart | undefined;

function readStaticField(): TypedBeforeStart | undefined {
  const input = document.querySelector<HTMLInputElement>(STATIC_FIELD);
  if (!input) return undefined;
  return { value: input.value, focused: document.activeElement === input };
}

/**
 * From the app's first line on: keeps the static field's text and focus as they change, so they
 * survive React removing the field, whenever that first commit comes.
 */
export function watchTypedBeforeStart(): void {
  const input = document.querySelector<HTMLInputElement>(STATIC_FIELD);
  if (!input) return;
  remembered = readStaticField();
  const keep = () => {
    if (input.isConnected) remembered = readStaticField();
  };
  input.addEventListener('input', keep);
  input.addEventListener('focus', keep);
  // A blur caused by the removal itself must not count as the worker leaving the field.
  input.addEventListener('blur', () => queueMicrotask(keep));
}

/** What the start page's field starts with: the static field while it is still there. */
export function typedBeforeStart(): TypedBeforeStart | undefined {
  return readStaticField() ?? remembered;
}

/** Once the start page has taken it over: a later visit to the start page starts empty. */
export function forgetTypedBeforeStart(): void {
  remembered = undefined;
}
