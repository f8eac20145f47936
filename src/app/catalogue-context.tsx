import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { Catalogue } from '../domain/catalogue/schema';
import { ensureCatalogue } from '../data/catalogue/catalogue-store';

export type CatalogueState =
  | { status: 'loading' }
  | { status: 'error'; retry: () => void }
  | { status: 'ready'; catalogue: Catalogue; stored: boolean };

const CatalogueContext = createContext<CatalogueState>({ status: 'loading' });

export function CatalogueProvider({
  children,
  load = ensureCatalogue,
}: {
  children: ReactNode;
  load?: () => Promise<{ catalogue: Catalogue; stored: boolean }>;
}) {
  const [result, setResult] = useState<{ catalogue: Catalogue; stored: boolean } | 'error'>();
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => {
    setResult(undefined);
    setAttempt((n) => n + 1);
  }, []);

  useEffect(() => {
    let cancelled = false;
    performance.mark('dichtbij:catalogue-start');
    load().then(
      (r) => {
        // Read by `npm run bench` as the catalogue's first-load import time.
        performance.measure('dichtbij:catalogue-load', 'dichtbij:catalogue-start');
        if (!cancelled) setResult(r);
      },
      () => !cancelled && setResult('error'),
    );
    return () => {
      cancelled = true;
    };
  }, [load, attempt]);

  const state = useMemo<CatalogueState>(() => {
    if (result === undefined) return { status: 'loading' };
    if (result === 'error') return { status: 'error', retry };
    return { status: 'ready', catalogue: result.catalogue, stored: result.stored };
  }, [result, retry]);

  return <CatalogueContext.Provider value={state}>{children}</CatalogueContext.Provider>;
}

export function useCatalogueState(): CatalogueState {
  return useContext(CatalogueContext);
}
