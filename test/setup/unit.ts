import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { configure } from '@testing-library/react';

// `findBy…` waits 1 s by default; on a 2-core CI machine with other work running, a first render
// with the route chunks, texts and fake IndexedDB takes longer. Waiting longer loosens no assertion.
configure({ asyncUtilTimeout: 5_000 });

// jsdom gives the test global its own typed-array constructors, while fake-indexeddb clones with
// Node's structuredClone, whose Uint8Arrays belong to Node's realm. Dexie's live queries copy
// results with a clone that keeps only the global realm's typed arrays intact, and turned every
// stored ciphertext into a plain object, so a screen re-reading a record live saw garbage. In a
// browser there is one realm; make the test global use the realm IndexedDB values come from.
for (const name of [
  'ArrayBuffer',
  'DataView',
  'Int8Array',
  'Uint8Array',
  'Uint8ClampedArray',
  'Int16Array',
  'Uint16Array',
  'Int32Array',
  'Uint32Array',
  'Float32Array',
  'Float64Array',
  'BigInt64Array',
  'BigUint64Array',
] as const) {
  const sample: unknown =
    name === 'ArrayBuffer'
      ? new ArrayBuffer(0)
      : name === 'DataView'
        ? new DataView(new ArrayBuffer(0))
        : new globalThis[name](0);
  const nodeRealm = (structuredClone(sample) as { constructor: unknown }).constructor;
  Object.defineProperty(globalThis, name, { value: nodeRealm, writable: true, configurable: true });
}
