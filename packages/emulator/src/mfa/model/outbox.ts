/**
 * The development outbox: SMS, voice and email codes are "sent" here instead of to a phone or a mailbox,
 * and echoed through the log callback so whoever runs the emulator sees them on the console.
 */
import type { OutboxEntry } from '../types.js';
import type { MfaState } from './state.js';

// The outbox is for eyes and tests, not an archive; a long-running emulator must not grow without bound.
const OUTBOX_LIMIT = 100;

/** Records a sent code, newest last, and logs it. */
export function deliver(state: MfaState, entry: Omit<OutboxEntry, 'at'>): void {
  state.outbox.push({ ...entry, at: new Date(state.options.now()).toISOString() });
  if (state.outbox.length > OUTBOX_LIMIT) state.outbox.splice(0, state.outbox.length - OUTBOX_LIMIT);
  state.options.log(`[mfa] ${entry.channel} to ${entry.to}: code ${entry.code}`);
}
