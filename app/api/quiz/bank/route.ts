import { ready } from '@/server/db';
import { handle, json, requireUser } from '@/server/http';
import { examBank } from '@/server/quiz/exams';

/** The exam pool for the admin's exam form: question ids and stems, and tag counts by type. */
export const GET = handle(async (request: Request) => {
  await requireUser(request, ['admin']);
  return json(await examBank((await ready()).db));
});
