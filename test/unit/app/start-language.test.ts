import { describe, expect, it } from 'vitest';
import { readStartLanguage } from '../../../src/app/start-language';

/** A promise the test settles by hand, to see what is asked before what has answered. */
function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  let reject: (error: unknown) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe("the start's language setting", () => {
  it("reads the first worker's setting while the registry is still being read, not after it", async () => {
    const registry = deferred<string>();
    const settings = new Map<string, ReturnType<typeof deferred<string | undefined>>>();
    const asked: string[] = [];
    const result = readStartLanguage({
      restoreActive: () => {
        asked.push('registry');
        return registry.promise;
      },
      readSetting: (name) => {
        asked.push(name);
        const d = deferred<string | undefined>();
        settings.set(name, d);
        return d.promise;
      },
      firstDbName: 'dichtbij',
    });
    await flush();
    // Both opens are under way before either has answered.
    expect(asked).toEqual(['dichtbij', 'registry']);
    settings.get('dichtbij')?.resolve('ar');
    registry.resolve('dichtbij');
    expect(await result).toBe('ar');
    expect(asked).toEqual(['dichtbij', 'registry']);
  });

  it("reads another active worker's own setting once the registry names her database", async () => {
    const asked: string[] = [];
    const language = await readStartLanguage({
      restoreActive: async () => {
        asked.push('registry');
        return 'dichtbij-w-0a1b';
      },
      readSetting: async (name) => {
        asked.push(name);
        return name === 'dichtbij' ? 'ar' : 'en';
      },
      firstDbName: 'dichtbij',
    });
    expect(language).toBe('en');
    expect(asked).toEqual(['dichtbij', 'registry', 'dichtbij-w-0a1b']);
  });

  it("starts without a setting when the first worker's database cannot be read", async () => {
    const language = await readStartLanguage({
      restoreActive: async () => 'dichtbij',
      readSetting: () => Promise.reject(new Error('UnknownError')),
      firstDbName: 'dichtbij',
    });
    expect(language).toBeUndefined();
  });
});
