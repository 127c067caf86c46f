// Dexie reads the IndexedDB globals when it loads: provide them before any test module does.
import 'fake-indexeddb/auto';
import { loadAllLanguages } from '#i18n';

// Every language's messages, as a device has them a moment after it starts.
await loadAllLanguages();
