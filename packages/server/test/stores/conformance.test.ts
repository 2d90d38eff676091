import { describe, it } from 'vitest';
import { ReplayCache } from '../../src/lib/replay-cache.js';
import { MemorySessionStore, MemoryTransactionStore } from '../../src/stores/index.js';
import {
  replayStoreConformance,
  sessionStoreConformance,
  transactionStoreConformance,
} from '../../src/testing/index.js';

sessionStoreConformance('MemorySessionStore', () => new MemorySessionStore(), { describe, it });
transactionStoreConformance('MemoryTransactionStore', () => new MemoryTransactionStore(), { describe, it });
replayStoreConformance('the default replay cache', () => new ReplayCache(), { describe, it });
