import { CatalogueDataError, loadCatalogueFromDir } from './catalogue-files';

try {
  const c = loadCatalogueFromDir(process.argv[2]);
  console.log(
    `Catalogue ${c.version}: ${c.programmes.length} programmes, ${c.regelingen.length} regelingen, ` +
      `${c.wijken.length} wijken, ${c.indicators.length} indicators, ${c.organisations.length} organisations.`,
  );
} catch (e) {
  if (!(e instanceof CatalogueDataError)) throw e;
  console.error(e.message);
  process.exit(1);
}
