import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateOffers } from '../domain/toekomst/offer-schema';
import { CatalogueDataError, loadCatalogueFromDir } from './catalogue-files';

const OFFERS_FILE = join(import.meta.dirname, '..', 'domain', 'toekomst', 'data', 'offers.json');

try {
  const c = loadCatalogueFromDir(process.argv[2]);
  // The ontwikkelaanbod refers to the catalogue's organisations, regelingen and wijken.
  const offers = validateOffers(JSON.parse(readFileSync(OFFERS_FILE, 'utf8')), {
    organisations: new Map(c.organisations.map((o) => [o.id, o])),
    regelingen: new Set(c.regelingen.map((r) => r.id)),
    wijken: new Set(c.wijken.map((w) => w.id)),
  });
  if (!offers.ok) throw new CatalogueDataError(offers.errors);
  console.log(
    `Catalogue ${c.version}: ${c.programmes.length} programmes, ${c.regelingen.length} regelingen, ` +
      `${c.wijken.length} wijken, ${c.indicators.length} indicators, ${c.organisations.length} organisations, ` +
      `${offers.offers.length} offers.`,
  );
} catch (e) {
  if (!(e instanceof CatalogueDataError)) throw e;
  console.error(e.message);
  process.exit(1);
}
