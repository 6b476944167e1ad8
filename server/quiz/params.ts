import 'server-only';
import { idParamSchema } from '@/lib/validations/route-params';
import { httpError } from '../http';

/** Reads an id from a route's params or query and answers 422 when it isn't one. */
export function parseId(value: unknown, name = 'id'): string {
  const parsed = idParamSchema.safeParse(value);
  if (!parsed.success) throw httpError(422, 'INVALID_ID', undefined, { [name]: 'INVALID_ID' });
  return parsed.data;
}
