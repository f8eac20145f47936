import { useMemo } from 'react';
import { applicationHelp, type ApplicationHelp } from '../../domain/catalogue/application-help';
import { shippedRulesVersion } from '../../domain/eligibility/shipped-rules';
import type { LanguageCode } from '../i18n/i18n';
import { useCatalogueOverlay } from '../i18n/use-catalogue-overlay';
import { useCatalogue } from '../use-catalogue';

/**
 * The application help for these regelingen in one language. The steps and documents of the
 * check's rules are those shipped with the app: they say how to apply, which a newer published
 * rules version changes in its limits, not in its counters. Ids nothing is known about are left out.
 */
export function useApplicationHelp(
  regelingIds: readonly string[],
  language: LanguageCode,
): { ready: boolean; helps: ApplicationHelp[] } {
  const { catalogue } = useCatalogue();
  const { overlay, ready } = useCatalogueOverlay(language);
  const key = regelingIds.join('|');
  const helps = useMemo(
    () =>
      key
        .split('|')
        .filter(Boolean)
        .flatMap(
          (id) =>
            applicationHelp(id, {
              catalogue,
              rules: shippedRulesVersion.version.rules.rules,
              overlay,
            }) ?? [],
        ),
    [key, catalogue, overlay],
  );
  return { ready, helps };
}
