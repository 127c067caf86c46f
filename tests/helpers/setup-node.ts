// Dexie reads the IndexedDB globals when it loads: provide them before any test module does.
import 'fake-indexeddb/auto';
