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

export function tabsFor(role: Role): readonly Tab[] {
  return TABS_BY_ROLE[role];
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
