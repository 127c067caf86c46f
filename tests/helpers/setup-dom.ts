import '@testing-library/jest-dom/vitest';
import 'fake-indexeddb/auto';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { loadAllLanguages } from '#i18n';

// findBy*/waitFor wait up to 5 s: IndexedDB writes and live queries are slow on a busy 2-core machine.
configure({ asyncUtilTimeout: 5000 });

// Every language's messages, as a device has them a moment after it starts.
await loadAllLanguages();

afterEach(() => {
  cleanup();
});
