import type { z } from 'zod';

/** A form's zod issues as one message per top-level field (the first one wins), for showing beside each control. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) fields[String(issue.path[0] ?? '_')] ??= issue.message;
  return fields;
}
