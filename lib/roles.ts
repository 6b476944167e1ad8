/** The five roles, and the tabs each one sees. One list, shared by client and server. */
export const ROLES = ['admin', 'publicist', 'cadre', 'villager', 'lawyer'] as const;
export type Role = (typeof ROLES)[number];

export const TABS = ['home', 'study', 'quiz', 'activity', 'consult', 'me', 'admin', 'report'] as const;
export type Tab = (typeof TABS)[number];

const TABS_BY_ROLE: Record<Role, readonly Tab[]> = {
  admin: ['home', 'study', 'activity', 'consult', 'admin', 'report', 'me'],
  publicist: ['home', 'study', 'activity', 'consult', 'me'],
  cadre: ['home', 'study', 'quiz', 'activity', 'me'],
  villager: ['home', 'study', 'quiz', 'consult', 'me'],
  lawyer: ['home', 'study', 'consult', 'me'],
};

/** A 法律明白人 (a legal-literate villager) also logs their duties under 活动. */
export function tabsFor(role: Role, legalLiterate = false): readonly Tab[] {
  if (role === 'villager' && legalLiterate) return ['home', 'study', 'quiz', 'activity', 'consult', 'me'];
  return TABS_BY_ROLE[role];
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
