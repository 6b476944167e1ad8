/**
 * Legal consultations as the phone and the server both see them. A request has a channel (the app, a walk-in at a
 * 法律咨询服务 event, or a case staff logged from another channel), a status, a deadline and a thread of messages.
 */
export const CONSULT_CATEGORIES = ['marriage', 'land', 'loans', 'wages', 'neighbours', 'torts', 'administrative', 'other'] as const;
export type ConsultCategory = (typeof CONSULT_CATEGORIES)[number];

/** 'app' is a villager's own request (or a 法律明白人's for a neighbour); 'screening' is 矛盾纠纷排查 by a 法律明白人. */
export const CONSULT_CHANNELS = ['app', 'walk-in', 'hotline12345', 'onlinePetition', 'townPetition', 'inspection', 'screening'] as const;
export type ConsultChannel = (typeof CONSULT_CHANNELS)[number];
/** Channels staff log by hand for a case that arrived elsewhere. */
export const STAFF_CHANNELS = ['hotline12345', 'onlinePetition', 'townPetition', 'inspection', 'screening'] as const;

export const REFERRALS = ['mediation', 'hotline12348', 'legalAid', 'court'] as const;
export type Referral = (typeof REFERRALS)[number];

export const RATINGS = ['satisfied', 'neutral', 'dissatisfied'] as const;
export type Rating = (typeof RATINGS)[number];

/** new: nobody assigned; open: with a lawyer; answered: waiting for the requester; reopened: rated dissatisfied. */
export type ConsultStatus = 'new' | 'open' | 'answered' | 'resolved' | 'reopened';

export type MessageKind = 'reply' | 'followup' | 'referral' | 'resolved' | 'assigned';

export interface ConsultMessage {
  id: string;
  kind: MessageKind;
  authorName: string;
  /** The person's own message on the phone (shown as "you"). */
  mine: boolean;
  body: string;
  referral: Referral | null;
  at: string;
  /** Written on the phone and not yet on the server. */
  waiting?: boolean;
}

export interface ConsultRecord {
  id: string;
  /** false for a lawyer's view of a new, unassigned request: category, village and deadline only. */
  full: boolean;
  channel: ConsultChannel;
  category: ConsultCategory;
  villageId: string;
  villageName: string;
  requesterName: string;
  contactPhone: string;
  callBack: boolean;
  description: string;
  filedForOther: boolean;
  filedByName: string;
  mineAsRequester: boolean;
  mineAsFiler: boolean;
  activityId: string | null;
  status: ConsultStatus;
  assigneeId: string | null;
  assigneeName: string | null;
  referral: Referral | null;
  deadline: string;
  filedAt: string;
  resolvedAt: string | null;
  rating: Rating | null;
  anonymised: boolean;
  photoIds: string[];
  messages: ConsultMessage[];
  /** Filed or changed on the phone and not yet on the server. */
  waiting?: boolean;
}

export interface ConsultPullChanges {
  consultations: ConsultRecord[];
  /** Requests this person may no longer read (reassigned, taken by someone else). */
  consultationsGone: string[];
}

export interface ConsultReportFigures {
  orgUnitId: string;
  from: string;
  to: string;
  total: number;
  byChannel: Record<ConsultChannel, number>;
  byCategory: Record<ConsultCategory, number>;
  byVillage: { id: string; name: string; count: number }[];
  resolved: number;
  /** Resolved with a reply, a referral or advice on the spot (办结回复). */
  resolvedWithReply: number;
  /** 办结回复率 in percent, one decimal; null when there is nothing to count. */
  replyRate: number | null;
  answeredWithinDeadline: number;
  rated: number;
  satisfaction: Record<Rating, number>;
}

/** The consent text's version: a new text gets a new version and phones ask again. */
export const CONSULT_CONSENT_VERSION = 'consult-2026-11';
export const DEFAULT_DEADLINE_WORKING_DAYS = 5;
export const DEFAULT_RETENTION_MONTHS = 36;
