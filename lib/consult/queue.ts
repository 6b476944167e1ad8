import { isOverdue } from './deadline';
import type { ConsultRecord } from './types';

/**
 * The queues on the 咨询 screen, computed on the phone from the records it holds. A lawyer works from new
 * (nobody has it), mine (open with them), overdue (theirs, past the deadline) and waiting for the requester;
 * an administrator also sees reopened requests (rated dissatisfied); a requester sees replies to read.
 */
export type QueueKey = 'new' | 'mine' | 'overdue' | 'waiting' | 'reopened' | 'all';

export function inQueue(c: ConsultRecord, key: QueueKey, me: { id: string; role: string }, nowIso: string): boolean {
  const mine = me.role === 'admin' || c.assigneeId === me.id;
  switch (key) {
    case 'new':
      return c.status === 'new' && c.assigneeId === null;
    case 'mine':
      return c.assigneeId === me.id && c.status !== 'resolved';
    case 'overdue':
      return mine && isOverdue(c, nowIso) && (c.assigneeId !== null || me.role === 'admin');
    case 'waiting':
      return mine && c.status === 'answered';
    case 'reopened':
      return c.status === 'reopened';
    case 'all':
      return true;
  }
}

export function queuesFor(role: string): QueueKey[] {
  if (role === 'lawyer') return ['new', 'mine', 'overdue', 'waiting'];
  if (role === 'admin') return ['new', 'reopened', 'overdue', 'waiting', 'all'];
  return [];
}

/** The number on the 咨询 tab after a pull: what needs this person's action. */
export function badgeCount(records: ConsultRecord[], me: { id: string; role: string }, nowIso: string): number {
  if (me.role === 'lawyer')
    return records.filter(
      (c) => inQueue(c, 'new', me, nowIso) || (c.assigneeId === me.id && (c.status === 'open' || c.status === 'reopened')),
    ).length;
  if (me.role === 'admin')
    return records.filter((c) => inQueue(c, 'new', me, nowIso) || c.status === 'reopened' || isOverdue(c, nowIso)).length;
  return records.filter((c) => (c.mineAsRequester || c.mineAsFiler) && c.status === 'answered').length;
}
