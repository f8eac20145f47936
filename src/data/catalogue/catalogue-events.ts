/**
 * Tells the running app that a sync installed a newer catalogue (a beheerder published one), so
 * the screens show it now rather than at the next start: changed opening hours must not wait.
 */
type Listener = () => void;
const listeners = new Set<Listener>();

export function onCatalogueInstalled(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function notifyCatalogueInstalled(): void {
  for (const listener of listeners) listener();
}
