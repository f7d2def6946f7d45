/**
 * Roles a user holds over an org unit (and everything below it). Later capabilities add roles here;
 * permissions are derived from roles in one place so every route checks the same rule.
 */
export const ROLES = [
  'admin',
  'planner',
  'approver',
  'viewer',
  'cdc',
  'county_hospital',
  'township_health_center',
  'village_doctor',
  'maternal_child',
  'supervision',
] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'plan.read',
  'value.enter',
  'value.approve',
  'project.update',
  'report.download',
  'county.manage',
  'user.manage',
  'audit.read',
  /** Read resident records (health record, programmes, contracts) in the user's area; every read is audited. */
  'record.read',
  /** Create and change resident records, follow-ups, vaccinations and contracts in the user's area. */
  'record.write',
  /** See full ID numbers instead of the masked form; each such read is audited. */
  'record.identify',
  /** Merge duplicate residents and manage family-doctor teams and service packages. */
  'record.manage',
  /** Read case report cards, signals, detection results and alerts in the user's area. */
  'surveillance.read',
  /** Submit and revise infectious-disease case report cards (传染病报告卡) for the user's area. */
  'case.report',
  /** Review (审核), delete and mark duplicate case report cards: the county CDC. */
  'case.review',
  /** Submit signal counts (multi-source syndromic surveillance) and register sites. */
  'signal.submit',
  /** Run detection and work alerts: verify, exclude, confirm, investigate, close, escalate. */
  'alert.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  planner: ['plan.read', 'value.enter', 'project.update', 'report.download'],
  approver: ['plan.read', 'value.approve', 'report.download'],
  viewer: ['plan.read', 'report.download'],
  cdc: [
    'plan.read',
    'value.enter',
    'report.download',
    'record.read',
    'record.write',
    'surveillance.read',
    'case.report',
    'case.review',
    'signal.submit',
    'alert.manage',
  ],
  county_hospital: ['plan.read', 'record.read', 'record.write', 'record.identify', 'case.report', 'signal.submit'],
  township_health_center: [
    'plan.read',
    'record.read',
    'record.write',
    'record.identify',
    'record.manage',
    'surveillance.read',
    'case.report',
    'signal.submit',
  ],
  village_doctor: ['record.read', 'record.write'],
  maternal_child: ['plan.read', 'value.enter', 'record.read', 'record.write'],
  supervision: ['plan.read'],
};

export function roleHasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** True when `orgUnitCode` is `scopeCode` or lies below it (statistical codes nest by prefix). */
export function isWithinScope(scopeCode: string, orgUnitCode: string): boolean {
  return scopeCode === '00' || orgUnitCode.startsWith(scopeCode);
}
