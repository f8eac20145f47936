import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AppShell } from '../../../src/app/components/app-shell';
import { initI18n } from '../../../src/app/i18n/i18n';
import { MemoryRouter } from 'react-router';
import { StartActions, StartSearch } from '../../../src/app/routes/start-page';

const INDEX = join(import.meta.dirname, '..', '..', '..', 'index.html');

/** The markup inside #root of index.html, parsed. */
function rootOfIndex(): HTMLElement {
  const html = readFileSync(INDEX, 'utf8');
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const root = doc.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  return root;
}

/**
 * Attribute order, void-element slashes and line breaks inside text aside (they render as one
 * space), the same elements with the same attributes and text.
 */
function normalise(html: string): string {
  const doc = new DOMParser().parseFromString(`<div id="x">${html}</div>`, 'text/html');
  const root = doc.getElementById('x');
  if (!root) throw new Error('no root');
  root.querySelectorAll('link[rel="preload"]').forEach((l) => l.remove());
  const walk = (el: Element): string =>
    `<${el.tagName.toLowerCase()} ${[...el.attributes]
      .map((a) => `${a.name}="${a.value}"`)
      .sort()
      .join(' ')}>${[...el.childNodes]
      .map((n) =>
        n.nodeType === 1 ? walk(n as Element) : (n.textContent ?? '').replace(/\s+/g, ' ').trim(),
      )
      .join('')}</${el.tagName.toLowerCase()}>`;
  return walk(root);
}

describe('the app shell in index.html', () => {
  it('is the AppShell component, so the first paint needs no script and nothing moves when React takes over', () => {
    const root = rootOfIndex();
    // The start page's part, shown on / only, is compared below.
    root.querySelector('.start-shell-only')?.remove();
    expect(normalise(root.innerHTML)).toBe(normalise(renderToStaticMarkup(<AppShell />)));
  });

  it("paints the start page's heading, search field and tiles in Dutch before any script, as StartSearch and StartActions render them", async () => {
    await initI18n('nl').changeLanguage('nl');
    const block = rootOfIndex().querySelector('.start-shell-only');
    expect(block?.parentElement?.id).toBe('main');
    // The tiles are the largest element of the first screen: painted by index.html, the
    // browser's largest contentful paint is the first paint, and React draws them again the same.
    const rendered = renderToStaticMarkup(
      <MemoryRouter>
        <StartSearch query="" onQuery={() => undefined} onSubmit={() => undefined} />
        <StartActions />
      </MemoryRouter>,
    );
    expect(normalise(block?.innerHTML ?? '')).toBe(normalise(rendered));
    // Shown by public/start-shell.js on the start page only; hidden everywhere else.
    expect(readFileSync(INDEX, 'utf8')).toContain('<script src="/start-shell.js"></script>');
  });

  it('holds the first paint until the whole shell is parsed, so it is drawn in one frame', () => {
    const doc = new DOMParser().parseFromString(readFileSync(INDEX, 'utf8'), 'text/html');
    const expect_ = doc.head.querySelector('link[rel="expect"][blocking="render"]');
    const target = expect_?.getAttribute('href') ?? '';
    expect(target).toMatch(/^#/);
    const marker = doc.getElementById(target.slice(1));
    const root = doc.getElementById('root');
    expect(marker).not.toBeNull();
    // After the whole #root shell: the header alone is never the first frame.
    expect(
      root && marker && root.compareDocumentPosition(marker) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    expect(root?.contains(marker)).toBe(false);
  });
});
