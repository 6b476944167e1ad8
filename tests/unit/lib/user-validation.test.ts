import { describe, expect, it } from 'vitest';
import { changePasswordSchema, createUserSchema, loginSchema, passwordSchema, phoneSchema, profileSchema } from '@/lib/validations/user';

describe('phoneSchema', () => {
  it.each([
    { phone: '13800000001', ok: true },
    { phone: '19912345678', ok: true },
    { phone: ' 13800000001 ', ok: true },
    { phone: '12345678901', ok: false },
    { phone: '10000000000', ok: false },
    { phone: '1380000000', ok: false },
    { phone: '138000000012', ok: false },
    { phone: '+8613800000001', ok: false },
    { phone: '138-0000-0001', ok: false },
    { phone: '', ok: false },
  ])('"$phone" is accepted: $ok', ({ phone, ok }) => {
    const result = phoneSchema.safeParse(phone);
    expect(result.success).toBe(ok);
    if (!result.success) expect(result.error.issues[0]?.message).toBe('validation.phone');
  });

  it('stores the number without the spaces around it', () => {
    expect(phoneSchema.parse(' 13800000001 ')).toBe('13800000001');
  });
});

describe('passwordSchema', () => {
  it.each([
    { password: 'Ab1!', ok: false, message: /validation\.passwordMin/, why: 'too short' },
    { password: 'Ab1!Ab1', ok: false, message: /validation\.passwordMin/, why: 'one short of the minimum' },
    { password: 'abcdefgh', ok: false, message: /validation\.passwordClasses/, why: 'lower case only' },
    { password: 'abcdefg1', ok: false, message: /validation\.passwordClasses/, why: 'two classes: lower case and digits' },
    { password: 'abcdEFGH', ok: false, message: /validation\.passwordClasses/, why: 'two classes: lower and upper case' },
    { password: '12345678', ok: false, message: /validation\.passwordClasses/, why: 'digits only' },
    { password: 'Abcdefg1', ok: true, why: 'three classes: upper, lower, digit' },
    { password: 'abcd12!@', ok: true, why: 'three classes: lower, digit, symbol' },
    { password: 'ABCD12!@', ok: true, why: 'three classes: upper, digit, symbol' },
    { password: 'Cun-Min-2026', ok: true, why: 'all four classes' },
    { password: 'Pufa-demo-2026', ok: false, message: /COMMON_PASSWORD/, why: 'the published demo password' },
    { password: 'P@ssw0rd', ok: false, message: /COMMON_PASSWORD/, why: 'a most common password' },
    { password: 'aA123456', ok: false, message: /COMMON_PASSWORD/, why: 'a most common password in another case' },
    { password: 'Woaini1314', ok: false, message: /COMMON_PASSWORD/, why: 'a most common Chinese password' },
    { password: '普法学堂Ab1好好', ok: true, why: 'Chinese characters count as symbols' },
    { password: `Aa1!${'x'.repeat(125)}`, ok: false, message: /128/, why: 'longer than 128 characters' },
  ])('$why: "$password" accepted $ok', ({ password, ok, message }) => {
    const result = passwordSchema.safeParse(password);
    expect(result.success).toBe(ok);
    if (!result.success && message) expect(result.error.issues.map((i) => i.message).join(' ')).toMatch(message);
  });
});

describe('createUserSchema', () => {
  const base = { phone: '13900001101', password: 'Cun-Min-2026', name: '张秀英', role: 'villager', orgUnitId: 'org-v01-h1' } as const;

  it('defaults to not legal-literate, with no date', () => {
    expect(createUserSchema.parse(base)).toMatchObject({ legalLiterate: false, legalLiterateSince: null });
  });

  it.each([
    { name: 'a legal-literate villager with a date', input: { legalLiterate: true, legalLiterateSince: '2024-03-01' }, error: null },
    { name: 'a cadre who is not legal-literate', input: { role: 'cadre' }, error: null },
    {
      name: 'a legal-literate cadre',
      input: { role: 'cadre', legalLiterate: true, legalLiterateSince: '2024-03-01' },
      error: 'legalLiterate',
    },
    {
      name: 'a legal-literate lawyer',
      input: { role: 'lawyer', legalLiterate: true, legalLiterateSince: '2024-03-01' },
      error: 'legalLiterate',
    },
    { name: 'a legal-literate villager without a date', input: { legalLiterate: true }, error: 'legalLiterateSince' },
    {
      name: 'a certification date that is not a date',
      input: { legalLiterate: true, legalLiterateSince: '2024-13-01' },
      error: 'legalLiterateSince',
    },
    { name: 'an unknown role', input: { role: 'mayor' }, error: 'role' },
    { name: 'a blank name', input: { name: '   ' }, error: 'name' },
    { name: 'no org unit', input: { orgUnitId: '' }, error: 'orgUnitId' },
    { name: 'a landline number', input: { phone: '01012345678' }, error: 'phone' },
  ])('$name → error on $error', ({ input, error }) => {
    const result = createUserSchema.safeParse({ ...base, ...input });
    if (error === null) expect(result.error).toBeUndefined();
    else expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual([error]);
  });
});

describe('loginSchema', () => {
  it('does not apply the password rules at sign-in, so old passwords still sign in', () => {
    expect(loginSchema.safeParse({ phone: '13800000001', password: 'short' }).success).toBe(true);
    expect(loginSchema.safeParse({ phone: '13800000001', password: '' }).success).toBe(false);
  });
});

describe('profileSchema: what people may change about themselves', () => {
  it.each([
    { why: 'a Chinese name', input: { name: '马福贵' }, error: null },
    { why: 'a name with a middle dot', input: { name: '阿依古丽·买买提' }, error: null },
    { why: 'a name of 41 characters', input: { name: '马'.repeat(41) }, error: /NAME_TOO_LONG/ },
    { why: 'a 20 MB name', input: { name: 'x'.repeat(20 * 1024 * 1024) }, error: /NAME_TOO_LONG/ },
    { why: 'a name with a newline inside', input: { name: '马\n福贵' }, error: /NAME_CONTROL/ },
    { why: 'a name with a right-to-left override', input: { name: '马\u202E贵福' }, error: /NAME_CONTROL/ },
    { why: 'zero-width spaces only', input: { name: '\u200B\u200B\u200D' }, error: /NAME_INVISIBLE/ },
    { why: 'blanks only', input: { name: '   ' }, error: /validation.nameRequired/ },
    { why: 'a new login phone', input: { name: '马福贵', phone: '13800000001' }, error: /Unrecognized key/i },
    { why: 'a new role', input: { name: '马福贵', role: 'admin' }, error: /Unrecognized key/i },
  ])('$why: refused $error', ({ input, error }) => {
    const result = profileSchema.safeParse(input);
    expect(result.success).toBe(error === null);
    if (!result.success && error) expect(result.error.issues.map((i) => i.message).join(' ')).toMatch(error);
  });
});

describe('changePasswordSchema', () => {
  it('refuses the current password as the new one, and a common new one', () => {
    expect(changePasswordSchema.safeParse({ currentPassword: 'Cun-Min-2026', newPassword: 'Cun-Min-2026' }).success).toBe(false);
    expect(changePasswordSchema.safeParse({ currentPassword: 'Cun-Min-2026', newPassword: 'Passw0rd!' }).success).toBe(false);
    expect(changePasswordSchema.safeParse({ currentPassword: 'Cun-Min-2026', newPassword: 'Hai-Yuan-7ying' }).success).toBe(true);
  });
});
