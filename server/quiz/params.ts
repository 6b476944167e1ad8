import 'server-only';
import { idParamSchema } from '@/lib/validations/route-params';
import { HttpError } from '../http';

/** Reads an id from a route's params or query and answers 422 when it isn't one. */
export function parseId(value: unknown, name = 'id'): string {
  const parsed = idParamSchema.safeParse(value);
  if (!parsed.success) throw new HttpError(422, `${name}: 编号无效 / invalid id`, { [name]: 'invalid id' });
  return parsed.data;
}
