import { authGate } from '@/server/auth-gate';
import { handle } from '@/server/http';

/** better-auth behind an allow-list, a body limit and the wrong-password lock (server/auth-gate.ts). */
const handler = handle(authGate);

export { handler as GET, handler as POST, handler as PUT, handler as PATCH, handler as DELETE };
