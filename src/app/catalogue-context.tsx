import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { Catalogue } from '../domain/catalogue/schema';
import { ensureCatalogue } from '../data/catalogue/catalogue-store';
import { onCatalogueInstalled } from '../data/catalogue/catalogue-events';
import { fetchShippedInWorker } from '../data/catalogue/fetch-in-worker';
import { installShippedInWorker } from '../data/catalogue/install-in-worker';

export type CatalogueState =
  | { status: 'loading' }
  | { status: 'error'; retry: () => void }
  | { status: 'ready'; catalogue: Catalogue };

const CatalogueContext = createContext<CatalogueState>({ status: 'loading' });

/**
 * Module-level, so the effect below does not run again on every render. catalogue.json is read,
 * and a first start's device copy written, in workers: the main thread is drawing the first
 * screen and taking keystrokes.
 */
const loadCatalogue = (showEarly: (catalogue: Catalogue) => void) =>
  ensureCatalogue(undefined, () => fetchShippedInWorker(), {
    showEarly,
    installShipped: (catalogue, database) => installShippedInWorker(catalogue, database),
  });

export function CatalogueProvider({
  children,
  load = loadCatalogue,
}: {
  children: ReactNode;
  /** Gets the catalogue; may hand over one to show before it resolves (see `ensureCatalogue`). */
  load?: (
    showEarly: (catalogue: Catalogue) => void,
  ) => Promise<{ catalogue: Catalogue; stored: boolean }>;
}) {
  // Whether the device could keep a copy is `load`'s business (it logs a failure); no screen shows it.
  const [result, setResult] = useState<Catalogue | 'error'>();
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => {
    setResult(undefined);
    setAttempt((n) => n + 1);
  }, []);

  // A catalogue a sync installed is read again; the one on screen stays until it is in.
  useEffect(() => onCatalogueInstalled(() => setAttempt((n) => n + 1)), []);

  useEffect(() => {
    let cancelled = false;
    performance.mark('dichtbij:catalogue-start');
    const showEarly = (catalogue: Catalogue) => {
      performance.measure('dichtbij:catalogue-shown', 'dichtbij:catalogue-start');
      if (!cancelled) setResult(catalogue);
    };
    load(showEarly).then(
      (r) => {
        // Read by `npm run bench`: until shown, and until the device's copy is checked or written.
        performance.measure('dichtbij:catalogue-load', 'dichtbij:catalogue-start');
        // The same object as shown early (see `ensureCatalogue`): React keeps the screens as they are.
        if (!cancelled) setResult(r.catalogue);
      },
      // A catalogue already on screen stays there; only a start without any shows the error.
      () => !cancelled && setResult((shown) => (shown && shown !== 'error' ? shown : 'error')),
    );
    return () => {
      cancelled = true;
    };
  }, [load, attempt]);

  const state = useMemo<CatalogueState>(() => {
    if (result === undefined) return { status: 'loading' };
    if (result === 'error') return { status: 'error', retry };
    return { status: 'ready', catalogue: result };
  }, [result, retry]);

  return <CatalogueContext.Provider value={state}>{children}</CatalogueContext.Provider>;
}

export function useCatalogueState(): CatalogueState {
  return useContext(CatalogueContext);
}
