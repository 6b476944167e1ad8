import { auth } from '@/server/auth';
import { ready } from '@/server/db';

async function handler(request: Request): Promise<Response> {
  await ready();
  return auth().handler(request);
}

export { handler as GET, handler as POST };
