import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readShippedQuestions } from '@/server/quiz/bank';

describe('the shipped question bank', () => {
  const rows = readShippedQuestions(path.resolve('content'));

  it('loads every question file, each question valid for its type', () => {
    expect(rows.length).toBeGreaterThanOrEqual(300);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
  });

  it('reserves every third question of each module for formal exams, enough for a 25/10/15 paper', () => {
    const exam = rows.filter((r) => r.pool === 'exam');
    expect(exam.length).toBe(Math.floor(rows.length / 3));
    const count = (type: string) => exam.filter((r) => r.type === type).length;
    expect(count('single')).toBeGreaterThanOrEqual(25);
    expect(count('multiple')).toBeGreaterThanOrEqual(10);
    expect(count('truefalse')).toBeGreaterThanOrEqual(15);
  });

  it("accepts basis entries for 刑法's inserted articles (刑法:133-1) and rejects other article forms", () => {
    const question = (basis: string) => ({
      id: 'x-001',
      type: 'truefalse',
      stem: '醉驾构成危险驾驶罪。',
      answer: true,
      explanation: '《刑法》第一百三十三条之一。',
      basis: [basis],
      tags: ['x'],
      difficulty: 1,
    });
    const root = mkdtempSync(path.join(tmpdir(), 'bank-'));
    try {
      mkdirSync(path.join(root, 'questions'));
      writeFileSync(path.join(root, 'questions', 'x.json'), JSON.stringify([question('刑法:133-1')]));
      expect(JSON.parse(readShippedQuestions(root)[0]!.basis)).toEqual(['刑法:133-1']);
      writeFileSync(path.join(root, 'questions', 'x.json'), JSON.stringify([question('刑法:133之一')]));
      expect(() => readShippedQuestions(root)).toThrow(/x\.json: 0\.basis\.0/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
