import type { z } from 'zod';
import { errorCode } from './error-code';

/**
 * The message key of a zod issue: our schemas name a key of the `validation` catalogue (`validation.phone`); zod's
 * own issues (too long, wrong type…) map to `validation.<code>`, so every field error can be shown in the reader's
 * language on the phone and described in both on the server's logs. A message that starts with a stable code
 * ("COMMON_PASSWORD: …", shown from the `errors` catalogue) stays as it is.
 */
export function issueKey(issue: z.core.$ZodIssue): string {
  if (issue.message.startsWith('validation.') || errorCode(issue.message)) return issue.message;
  return `validation.${issue.code}`;
}

/** A form's zod issues as one message key per top-level field (the first one wins), for showing beside each control. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) fields[String(issue.path[0] ?? '_')] ??= issueKey(issue);
  return fields;
}
