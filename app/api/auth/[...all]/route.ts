import { auth } from '@/server/auth';
import { ready } from '@/server/db';
import { errorResponse, requireSameOrigin } from '@/server/http';

async function handler(request: Request): Promise<Response> {
  await ready();
  if (request.method === 'POST') {
    // Sign-in, sign-out and the rest change session state: refused from another site, as every write route is.
    try {
      requireSameOrigin(request);
    } catch (error) {
      return errorResponse(error);
    }
  }
  return auth().handler(request);
}

export { handler as GET, handler as POST };
