import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { configure } from '@testing-library/react';

// `findBy…` waits 1 s by default; on a 2-core CI machine with other work running, a first render
// with the route chunks, texts and fake IndexedDB takes longer. Waiting longer loosens no assertion.
configure({ asyncUtilTimeout: 5_000 });
