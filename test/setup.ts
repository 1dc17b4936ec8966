// localforage picks its storage driver at import time: IndexedDB must exist before any editor module loads.
import 'fake-indexeddb/auto';
