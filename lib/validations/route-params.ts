import { z } from 'zod';

/** Ids in route paths and query strings. */
export const idParamSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, { message: 'invalid id' });
