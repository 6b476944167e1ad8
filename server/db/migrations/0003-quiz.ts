import type { Kysely } from 'kysely';
import type { DbKind } from '../client';

/**
 * The question bank, formal exams, the papers issued for them and the graded attempts, and practice answers.
 * Keys, responses and draw rules are JSON text; times are ISO-8601 text.
 */
export async function up(db: Kysely<unknown>, kind: DbKind): Promise<void> {
  const bool = kind === 'postgres' ? 'boolean' : 'integer';
  const real = kind === 'postgres' ? 'double precision' : 'real';

  await db.schema
    .createTable('question')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('moduleId', 'text', (c) => c.notNull().references('module.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('stem', 'text', (c) => c.notNull())
    .addColumn('options', 'text', (c) => c.notNull())
    .addColumn('answer', 'text', (c) => c.notNull())
    .addColumn('explanation', 'text', (c) => c.notNull())
    .addColumn('basis', 'text', (c) => c.notNull())
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('difficulty', 'integer', (c) => c.notNull())
    .addColumn('pool', 'text', (c) => c.notNull())
    .addColumn('sortOrder', 'integer', (c) => c.notNull())
    .addColumn('changeSeq', 'bigint', (c) => c.notNull())
    .addColumn('updatedAt', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('question_pool_seq').on('question').columns(['pool', 'changeSeq']).execute();

  await db.schema
    .createTable('quizAnswer')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('userId', 'text', (c) => c.notNull().references('user.id'))
    .addColumn('questionId', 'text', (c) => c.notNull().references('question.id'))
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('correct', bool, (c) => c.notNull())
    .addColumn('answeredAt', 'text', (c) => c.notNull())
    .addColumn('deviceId', 'text', (c) => c.notNull())
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('quizAnswer_user').on('quizAnswer').columns(['userId', 'answeredAt']).execute();

  await db.schema
    .createTable('exam')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('roles', 'text', (c) => c.notNull())
    .addColumn('orgUnitIds', 'text', (c) => c.notNull())
    .addColumn('opensAt', 'text', (c) => c.notNull())
    .addColumn('closesAt', 'text', (c) => c.notNull())
    .addColumn('timeLimitMinutes', 'integer', (c) => c.notNull())
    .addColumn('passMark', real, (c) => c.notNull())
    .addColumn('maxAttempts', 'integer', (c) => c.notNull())
    .addColumn('countingRule', 'text', (c) => c.notNull())
    .addColumn('review', 'text', (c) => c.notNull())
    .addColumn('showRanking', bool, (c) => c.notNull())
    .addColumn('paperMode', 'text', (c) => c.notNull())
    .addColumn('questionIds', 'text', (c) => c.notNull())
    .addColumn('drawRules', 'text', (c) => c.notNull())
    .addColumn('questionCount', 'integer', (c) => c.notNull())
    .addColumn('createdBy', 'text', (c) => c.notNull())
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .addColumn('changeSeq', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('exam_seq').on('exam').column('changeSeq').execute();

  await db.schema
    .createTable('examPaper')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('examId', 'text', (c) => c.notNull().references('exam.id'))
    .addColumn('userId', 'text', (c) => c.notNull().references('user.id'))
    .addColumn('questionIds', 'text', (c) => c.notNull())
    .addColumn('downloadedAt', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('examPaper_user').on('examPaper').columns(['examId', 'userId']).execute();

  await db.schema
    .createTable('examAttempt')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('examId', 'text', (c) => c.notNull().references('exam.id'))
    .addColumn('userId', 'text', (c) => c.notNull().references('user.id'))
    .addColumn('paperId', 'text', (c) => c.notNull().unique().references('examPaper.id'))
    .addColumn('attemptNo', 'integer', (c) => c.notNull())
    .addColumn('startedAt', 'text', (c) => c.notNull())
    .addColumn('submittedAt', 'text', (c) => c.notNull())
    .addColumn('receivedAt', 'text', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('items', 'text', (c) => c.notNull())
    .addColumn('score', real, (c) => c.notNull())
    .addColumn('correctCount', 'integer', (c) => c.notNull())
    .addColumn('questionCount', 'integer', (c) => c.notNull())
    .addColumn('passed', bool, (c) => c.notNull())
    .addColumn('changeSeq', 'bigint', (c) => c.notNull())
    .execute();
  // A second attempt racing the first for the same number fails here rather than exceeding the limit.
  await db.schema.createIndex('examAttempt_no').unique().on('examAttempt').columns(['examId', 'userId', 'attemptNo']).execute();
  await db.schema.createIndex('examAttempt_user_seq').on('examAttempt').columns(['userId', 'changeSeq']).execute();
}
