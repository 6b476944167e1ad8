import type { OutboxOp } from '@/lib/local/db';

/**
 * The action an operation belongs to, as the person sees it: opening, reading and completing one lesson are one
 * action (studying that lesson); every other operation is its own action.
 */
export function actionKey(op: Pick<OutboxOp, 'id' | 'type' | 'payload'>): string {
  if (op.type.startsWith('study.')) return `study:${(op.payload as { lessonId: string }).lessonId}`;
  return op.id;
}

export function countActions(ops: readonly Pick<OutboxOp, 'id' | 'type' | 'payload'>[]): number {
  return new Set(ops.map(actionKey)).size;
}
