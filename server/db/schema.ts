import type { ColumnType } from 'kysely';

/** Row shapes of every table. Times are ISO-8601 text in the app's own tables; booleans are 0/1 in SQLite. */
type Bool = ColumnType<boolean, boolean | number, boolean | number>;
type AuthDate = ColumnType<Date, Date | string, Date | string>;

export interface OrgUnitTable {
  id: string;
  parentId: string | null;
  name: string;
  level: 'county' | 'township' | 'village' | 'hamlet';
  path: string;
  sortOrder: number;
  createdAt: string;
  retiredAt: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface UserTable {
  id: string;
  name: string;
  email: string;
  emailVerified: Bool;
  image: string | null;
  createdAt: AuthDate;
  updatedAt: AuthDate;
  username: string | null;
  displayUsername: string | null;
  role: string | null;
  banned: Bool | null;
  banReason: string | null;
  banExpires: AuthDate | null;
  orgUnitId: string | null;
  legalLiterate: Bool | null;
  legalLiterateSince: string | null;
  mustChangePassword: ColumnType<number, number | undefined, number>;
  /** YYYY-MM-DD (CST) the person stopped serving as 法律明白人; they count in coverage until the day before. */
  legalLiterateRetiredAt?: string | null;
}

export interface SessionTable {
  id: string;
  expiresAt: AuthDate;
  token: string;
  createdAt: AuthDate;
  updatedAt: AuthDate;
  ipAddress: string | null;
  userAgent: string | null;
  userId: string;
  impersonatedBy: string | null;
}

export interface AccountTable {
  id: string;
  accountId: string;
  providerId: string;
  userId: string;
  accessToken: string | null;
  refreshToken: string | null;
  idToken: string | null;
  accessTokenExpiresAt: AuthDate | null;
  refreshTokenExpiresAt: AuthDate | null;
  scope: string | null;
  password: string | null;
  createdAt: AuthDate;
  updatedAt: AuthDate;
}

export interface VerificationTable {
  id: string;
  identifier: string;
  value: string;
  expiresAt: AuthDate;
  createdAt: AuthDate;
  updatedAt: AuthDate;
}

export interface RateLimitTable {
  id: string;
  key: string;
  count: number;
  lastRequest: ColumnType<number, number | bigint, number | bigint>;
}

/** Password failures in the window that began at windowStart; key is pair:/addr:/acct: + the phone and/or address. */
export interface LoginAttemptTable {
  key: string;
  username: string | null;
  address: string | null;
  failures: number;
  windowStart: string;
}

export interface DeviceTable {
  id: string;
  userId: string;
  lastSeq: number;
  createdAt: string;
  lastSeenAt: string;
}

export interface OpReceiptTable {
  opId: string;
  deviceId: string;
  userId: string;
  seq: number;
  type: string;
  appliedAt: string;
}

export interface ChangeCounterTable {
  id: number;
  value: ColumnType<number, number, number>;
}

export interface ModuleTable {
  id: string;
  slug: string;
  sortOrder: number;
  theme: string;
  titleZh: string;
  titleEn: string;
  summaryZh: string;
  summaryEn: string;
  changeSeq: number;
  updatedAt: string;
  /** 'draft' | 'published' | 'archived' (0008-admin) */
  status: ColumnType<string, string | undefined, string>;
  /** 1 once an administrator changed it: the shipped content no longer overwrites it */
  adminEdited: ColumnType<number, number | undefined, number>;
}

export interface LessonTable {
  id: string;
  slug: string;
  moduleId: string;
  sortOrder: number;
  title: string;
  titleEn: string;
  minutes: number;
  body: string;
  cites: string;
  changeSeq: number;
  updatedAt: string;
  /** 'draft' | 'published' | 'archived' (0008-admin) */
  status: ColumnType<string, string | undefined, string>;
  /** 1 once an administrator changed it: the shipped content no longer overwrites it */
  adminEdited: ColumnType<number, number | undefined, number>;
  /** JSON of a published lesson's edit that is not yet published */
  draft: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface StudyTaskTable {
  id: string;
  weekStart: string;
  lessonId: string | null;
  moduleId: string | null;
  roles: string;
  orgUnitIds: string;
  note: string;
  createdBy: string;
  createdAt: string;
  changeSeq: number;
  deletedAt: string | null;
}

export interface StudyEventTable {
  id: string;
  userId: string;
  lessonId: string;
  kind: 'open' | 'read' | 'complete';
  seconds: number;
  occurredAt: string;
  deviceId: string;
  createdAt: string;
}

export interface LessonProgressTable {
  userId: string;
  lessonId: string;
  openedAt: string | null;
  completedAt: string | null;
  secondsSpent: number;
  changeSeq: number;
}

export interface QuestionTable {
  id: string;
  moduleId: string;
  type: 'single' | 'multiple' | 'truefalse';
  stem: string;
  options: string;
  answer: string;
  explanation: string;
  basis: string;
  tags: string;
  difficulty: number;
  pool: 'practice' | 'exam';
  sortOrder: number;
  changeSeq: number;
  updatedAt: string;
  status: ColumnType<string, string | undefined, string>;
  adminEdited: ColumnType<number, number | undefined, number>;
}

export interface QuizAnswerTable {
  id: string;
  userId: string;
  questionId: string;
  mode: 'practice' | 'daily' | 'review';
  correct: Bool;
  answeredAt: string;
  deviceId: string;
  createdAt: string;
}

export interface ExamTable {
  id: string;
  title: string;
  description: string;
  roles: string;
  orgUnitIds: string;
  opensAt: string;
  closesAt: string;
  timeLimitMinutes: number;
  passMark: number;
  maxAttempts: number;
  countingRule: 'highest' | 'last';
  review: 'none' | 'mine' | 'full';
  showRanking: Bool;
  paperMode: 'fixed' | 'random';
  questionIds: string;
  drawRules: string;
  questionCount: number;
  createdBy: string;
  createdAt: string;
  changeSeq: number;
}

export interface ExamPaperTable {
  id: string;
  examId: string;
  userId: string;
  questionIds: string;
  downloadedAt: string;
}

export interface ExamAttemptTable {
  id: string;
  examId: string;
  userId: string;
  paperId: string;
  attemptNo: number;
  startedAt: string;
  submittedAt: string;
  receivedAt: string;
  answers: string;
  items: string;
  score: number;
  correctCount: number;
  questionCount: number;
  passed: Bool;
  changeSeq: number;
}

export interface LawTable {
  id: string;
  shortTitle: string;
  title: string;
  category: string;
  versionDate: string | null;
  version: number;
  /** JSON string[] */
  history: string;
  /** JSON string[] */
  preamble: string;
  /** JSON LawHeadingRecord[] */
  headings: string;
  articleCount: number;
  textBytes: number;
  contentHash: string;
  /** JSON string[]: the file names it was imported from */
  sourceFiles: string;
  supersededAt: string | null;
  changeSeq: number;
  importedAt: string;
  importedBy: string | null;
  /** Set when an admin retired the law (every version of it): gone from the library and from phones, kept here. */
  retiredAt: string | null;
  retiredBy: string | null;
}

export interface LawArticleTable {
  lawId: string;
  number: number;
  /** 0 for 第X条, Y for 第X条之Y */
  sub: number;
  label: string;
  /** JSON string[] */
  headingPath: string;
  /** JSON string[] */
  paragraphs: string;
}

export interface StoredFileTable {
  hash: string;
  type: string;
  size: number;
  uploadedBy: string;
  createdAt: string;
}

export interface FileOwnerTable {
  hash: string;
  ownerKind: string;
  ownerId: string;
  createdAt: string;
}

export interface ActivityThemeTable {
  id: string;
  name: string;
  sortOrder: number;
  active: Bool;
  createdAt: string;
  changeSeq: number;
}

export interface ActivityTable {
  id: string;
  kind: string;
  studyKind: string | null;
  dutyOutcome: string | null;
  themeId: string | null;
  title: string;
  orgUnitId: string;
  place: string;
  latitude: number | null;
  longitude: number | null;
  accuracyM: number | null;
  startsAt: string;
  endsAt: string;
  hostId: string;
  hostName: string;
  staff: string;
  audience: number;
  banners: number;
  posters: number;
  leaflets: number;
  brochures: number;
  gifts: number;
  notes: string;
  /** JSON string[]: SHA-256 of each photo */
  photos: string;
  checkInCode: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  changeSeq: number;
}

export interface ActivityRevisionTable {
  id: string;
  activityId: string;
  editorId: string;
  version: number;
  /** JSON Record<field, [before, after]> */
  changes: string;
  editedAt: string;
  changeSeq: number;
}

export interface CheckInTable {
  id: string;
  activityId: string;
  personKey: string;
  userId: string | null;
  name: string;
  orgUnitId: string | null;
  method: string;
  checkedInAt: string;
  recordedBy: string;
  changeSeq: number;
}

export interface PeriodLockTable {
  period: string;
  lockedBy: string;
  lockedAt: string;
  changeSeq: number;
}

export interface ConsultationTable {
  id: string;
  channel: string;
  category: string;
  villageId: string;
  requesterId: string | null;
  requesterName: string;
  contactPhone: string;
  callBack: Bool;
  description: string;
  filedBy: string;
  forOther: Bool;
  consentVersion: string | null;
  activityId: string | null;
  /** JSON string[] */
  photoIds: string;
  status: 'new' | 'open' | 'answered' | 'resolved' | 'reopened';
  assigneeId: string | null;
  referral: string | null;
  deadline: string;
  filedAt: string;
  receivedAt: string;
  firstReplyAt: string | null;
  resolvedAt: string | null;
  rating: string | null;
  ratedAt: string | null;
  anonymisedAt: string | null;
  changeSeq: number;
}

export interface ConsultationMessageTable {
  id: string;
  consultationId: string;
  authorId: string;
  kind: 'reply' | 'followup' | 'referral' | 'resolved' | 'assigned';
  body: string;
  referral: string | null;
  createdAt: string;
}

export interface ConsentTable {
  userId: string;
  purpose: string;
  version: string;
  givenAt: string;
}

export interface ConsultSettingTable {
  id: number;
  retentionMonths: number;
  deadlineWorkingDays: number;
  updatedAt: string;
  updatedBy: string | null;
}

export interface AuditLogTable {
  id: string;
  actorId: string;
  actorRole: string;
  action: string;
  subjectKind: string;
  subjectId: string;
  at: string;
}

/** content/thesaurus.tsv: everyday word → statute phrases (JSON array), for law search on the phone. */
export interface ThesaurusEntryTable {
  word: string;
  phrases: string;
  theme: string;
  removed: Bool;
  changeSeq: number;
  updatedAt: string;
  adminEdited: ColumnType<number, number | undefined, number>;
}

/** Report counters (server/reports/counters.ts): an activity figure per org unit, CST day/month/year bucket and metric. */
export interface ReportCounterTable {
  unitId: string;
  bucket: string;
  metric: string;
  value: ColumnType<number, number, number>;
}

export interface Database {
  orgUnit: OrgUnitTable;
  user: UserTable;
  session: SessionTable;
  account: AccountTable;
  verification: VerificationTable;
  rateLimit: RateLimitTable;
  loginAttempt: LoginAttemptTable;
  device: DeviceTable;
  opReceipt: OpReceiptTable;
  changeCounter: ChangeCounterTable;
  module: ModuleTable;
  lesson: LessonTable;
  studyTask: StudyTaskTable;
  studyEvent: StudyEventTable;
  lessonProgress: LessonProgressTable;
  law: LawTable;
  lawArticle: LawArticleTable;
  question: QuestionTable;
  quizAnswer: QuizAnswerTable;
  exam: ExamTable;
  examPaper: ExamPaperTable;
  examAttempt: ExamAttemptTable;
  storedFile: StoredFileTable;
  fileOwner: FileOwnerTable;
  activityTheme: ActivityThemeTable;
  activity: ActivityTable;
  activityRevision: ActivityRevisionTable;
  checkIn: CheckInTable;
  periodLock: PeriodLockTable;
  consultation: ConsultationTable;
  consultationMessage: ConsultationMessageTable;
  consent: ConsentTable;
  consultSetting: ConsultSettingTable;
  auditLog: AuditLogTable;
  thesaurusEntry: ThesaurusEntryTable;
  reportCounter: ReportCounterTable;
}
