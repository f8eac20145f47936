import type { Plugin } from 'vite';
import { CATALOGUE_DATA_DIR, loadCatalogueFromDir } from './catalogue-files';

export const CATALOGUE_ASSET = 'catalogue.json';

/**
 * Validates the catalogue's data files and ships them as one static asset, so the catalogue is
 * precached by the service worker but not part of the initial JavaScript. A broken record fails
 * the build with a message that names the file and the field.
 */
export function catalogueAssetPlugin(): Plugin {
  return {
    name: 'dichtbij-catalogue',
    buildStart() {
      this.addWatchFile(CATALOGUE_DATA_DIR);
    },
    generateBundle() {
      const catalogue = loadCatalogueFromDir();
      this.emitFile({
        type: 'asset',
        fileName: CATALOGUE_ASSET,
        source: JSON.stringify(catalogue),
      });
    },
    configureServer(server) {
      server.middlewares.use(`/${CATALOGUE_ASSET}`, (_req, res) => {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify(loadCatalogueFromDir()));
      });
    },
  };
}
