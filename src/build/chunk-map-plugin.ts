import { relative } from 'node:path';
import type { Plugin } from 'vite';

export const CHUNK_MAP_FILE = '.vite/chunks.json';

export interface ChunkInfo {
  isEntry: boolean;
  /** Chunks this one imports statically: they load before it runs. */
  imports: string[];
  dynamicImports: string[];
  /** Source modules inside, relative to the project (node_modules/<package>/… for libraries). */
  modules: string[];
}

/**
 * Writes which source modules ended up in which chunk. Vite's manifest names chunks only, so
 * without this map a test cannot tell whether zod or the sync client slipped into what loads
 * before the first paint. Not served to devices: it lives next to the manifest in .vite/.
 */
export function chunkMapPlugin(): Plugin {
  let root = process.cwd();
  return {
    name: 'dichtbij:chunk-map',
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    generateBundle(_options, bundle) {
      const map: Record<string, ChunkInfo> = {};
      for (const [fileName, output] of Object.entries(bundle)) {
        if (output.type !== 'chunk') continue;
        map[fileName] = {
          isEntry: output.isEntry,
          imports: output.imports,
          dynamicImports: output.dynamicImports,
          modules: Object.keys(output.modules).map((id) =>
            relative(root, id.replace(/^\0/, '').split('?')[0] ?? id),
          ),
        };
      }
      this.emitFile({ type: 'asset', fileName: CHUNK_MAP_FILE, source: JSON.stringify(map) });
    },
  };
}
