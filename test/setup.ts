// localforage picks its storage driver at import time: IndexedDB must exist before any editor module loads.
import 'fake-indexeddb/auto';
import { installShippedJsonFromFiles } from './shippedJsonFromFiles.ts';

// The page fetches the shipped data files before it builds anything; tests read the same files from disk.
installShippedJsonFromFiles();
