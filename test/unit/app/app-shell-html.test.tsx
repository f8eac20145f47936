import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AppShell } from '../../../src/app/components/app-shell';

/** Attribute order and void-element slashes aside, the same elements with the same attributes. */
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
      .map((n) => (n.nodeType === 1 ? walk(n as Element) : (n.textContent ?? '').trim()))
      .join('')}</${el.tagName.toLowerCase()}>`;
  return walk(root);
}

describe('the app shell in index.html', () => {
  it('is the AppShell component, so the first paint needs no script and nothing moves when React takes over', () => {
    const html = readFileSync(join(import.meta.dirname, '..', '..', '..', 'index.html'), 'utf8');
    const inRoot = /<div id="root">([\s\S]*?)<\/div>\s*<noscript>/.exec(html)?.[1];
    expect(inRoot).toBeDefined();
    expect(normalise(inRoot ?? '')).toBe(normalise(renderToStaticMarkup(<AppShell />)));
  });
});
