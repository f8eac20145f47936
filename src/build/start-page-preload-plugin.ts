import type { HtmlTagDescriptor, IndexHtmlTransformContext, Plugin } from 'vite';

type OutputBundle = NonNullable<IndexHtmlTransformContext['bundle']>;
type OutputChunk = Extract<OutputBundle[string], { type: 'chunk' }>;

/** The page most starts open on: `/`, and the installed app's start_url. */
export const START_PAGE_MODULE = 'src/app/routes/start-page.tsx';

/**
 * Adds `<link rel="modulepreload">` for the start page's chunk and the chunks it imports, so the
 * browser fetches and compiles them while the entry runs instead of after it, when the router
 * asks for the page (a waterfall of two or three round trips on a slow connection). The tags are
 * in index.html for every path (the service worker serves it for all of them); on another page
 * they cost the download of the start page's ~10 KB, which the precache holds anyway.
 */
export function startPagePreloadPlugin(): Plugin {
  return {
    name: 'dichtbij:start-page-preload',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return [];
        const files = startPageChunks(bundle);
        return files.map((file): HtmlTagDescriptor => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` },
          injectTo: 'head',
        }));
      },
    },
  };
}

/** The start page's chunk and its static imports that the entry does not load already. */
export function startPageChunks(bundle: OutputBundle): string[] {
  const chunks = Object.values(bundle).filter((o): o is OutputChunk => o.type === 'chunk');
  const page = chunks.find((c) =>
    c.facadeModuleId?.replaceAll('\\', '/').endsWith(START_PAGE_MODULE),
  );
  if (!page) throw new Error(`start-page preload: no chunk for ${START_PAGE_MODULE}`);
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const closure = (from: string[]): Set<string> => {
    const seen = new Set<string>();
    const stack = [...from];
    for (let file = stack.pop(); file !== undefined; file = stack.pop()) {
      if (seen.has(file)) continue;
      seen.add(file);
      stack.push(...(byName.get(file)?.imports ?? []));
    }
    return seen;
  };
  const entry = closure(chunks.filter((c) => c.isEntry).map((c) => c.fileName));
  return [...closure([page.fileName])].filter((file) => !entry.has(file));
}
