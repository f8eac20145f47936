import { useSearchParams } from 'react-router';

/**
 * Search words and filters of a list page live in the address, so a reload, the back button or
 * an app update brings the worker back to the same list. `update` sets one parameter (an empty
 * value removes it) and replaces the history entry, so typing does not fill the back button.
 */
export function useUrlFilters() {
  const [params, setParams] = useSearchParams();
  function update(name: string, value: string) {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );
  }
  return { params, setParams, update };
}

/** A parameter's value when it is one of `allowed` (a hand-edited address shows the full list). */
export function pickAllowed<T extends string>(
  value: string | null,
  allowed: readonly T[],
): T | undefined {
  return allowed.find((a) => a === value);
}
