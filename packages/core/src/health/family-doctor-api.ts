/**
 * The family-doctor API (docs/health-records.md §5): teams and their members, service packages, contracts
 * (签约) with their derived status, and a team's panel of contracted residents. Dates are 'YYYY-MM-DD'.
 */
import type { ContractStatus } from './contract-status.js';
import type { KeyPopulationFlag } from './key-populations.js';

export const TEAM_MEMBER_ROLES = [
  'leader',
  'general_practitioner',
  'village_doctor',
  'nurse',
  'public_health',
  'specialist',
  'pharmacist',
] as const;
export type TeamMemberRole = (typeof TEAM_MEMBER_ROLES)[number];

export const TEAM_MEMBER_ROLE_LABELS: Readonly<Record<TeamMemberRole, string>> = {
  leader: '团队长',
  general_practitioner: '全科医生',
  village_doctor: '乡村医生',
  nurse: '护士',
  public_health: '公共卫生医师',
  specialist: '专科医生',
  pharmacist: '药师',
};

export const SERVICE_PACKAGE_KINDS = ['basic', 'personalised'] as const;
export type ServicePackageKind = (typeof SERVICE_PACKAGE_KINDS)[number];

export const SERVICE_PACKAGE_KIND_LABELS: Readonly<Record<ServicePackageKind, string>> = {
  basic: '基础包',
  personalised: '个性化包',
};

/** An org unit by code and name (a township or village a team serves). */
export interface AreaRef {
  code: string;
  name: string;
}

export interface TeamMember {
  id: number;
  name: string;
  role: TeamMemberRole;
  healthWorkerId: number | null;
  /** The member's platform account, when they use the team panel. */
  userId: number | null;
  phone: string | null;
}

export interface TeamMemberInput {
  name: string;
  role: TeamMemberRole;
  healthWorkerId?: number | null;
  userId?: number | null;
  phone?: string | null;
}

export interface FamilyDoctorTeam {
  id: number;
  countyCode: string;
  name: string;
  facilityId: number | null;
  facilityName: string | null;
  township: AreaRef;
  /** The villages or townships the team serves (of the team's county). */
  areas: AreaRef[];
  members: TeamMember[];
  /** The team's contracts in force on the request's `asOf` (active or expiring), over its whole area. */
  activeContracts: number;
  /** Of those, the ones ending within CONTRACT_EXPIRING_DAYS days and not renewed. */
  expiringContracts: number;
}

/** POST …/family-doctor/teams. */
export interface TeamInput {
  name: string;
  facilityId?: number | null;
  /** The township the team belongs to (level 4, of the county). */
  townshipCode: string;
  /** Villages or townships of the county the team serves; at least one. */
  areaCodes: string[];
  members?: TeamMemberInput[];
}

/** PATCH …/family-doctor/teams/:id; `members`, when given, replaces the team's member list. */
export type TeamPatch = Partial<TeamInput>;

export interface ServicePackage {
  id: number;
  countyCode: string;
  code: string;
  name: string;
  kind: ServicePackageKind;
  /** Yuan per year paid by the resident. */
  annualFee: number;
  /** Key-population flags the package is meant for (empty: everyone). */
  targetFlags: KeyPopulationFlag[];
  services: string[];
}

/** POST …/family-doctor/packages. */
export interface ServicePackageInput {
  code: string;
  name: string;
  kind: ServicePackageKind;
  annualFee?: number;
  targetFlags?: KeyPopulationFlag[];
  services?: string[];
}

/** The resident of a contract as any user who sees the contract may see them (masked ID only). */
export interface ContractResident {
  id: number;
  name: string;
  idNumberMasked: string | null;
  sex: string;
  birthDate: string;
  township: AreaRef;
  village: AreaRef | null;
}

export interface FamilyDoctorContract {
  id: number;
  countyCode: string;
  resident: ContractResident;
  team: { id: number; name: string };
  package: { id: number; code: string; name: string; kind: ServicePackageKind };
  signedDate: string;
  startDate: string;
  endDate: string;
  /** Derived on `asOf` of the request (contract-status.ts). */
  status: ContractStatus;
  /** Days from `asOf` to the end date (negative once expired). */
  daysToEnd: number;
  terminatedDate: string | null;
  terminationReason: string | null;
  /** The contract this one renews. */
  renewsContractId: number | null;
  /** The contract that renews this one. */
  renewedByContractId: number | null;
}

/** POST …/residents/:id/contracts. Start defaults to the signing date, end to one year after the start. */
export interface SignContractRequest {
  teamId: number;
  packageId: number;
  /** Defaults to today. */
  signedDate?: string;
  startDate?: string;
  endDate?: string;
}

/** POST …/residents/:id/contracts/:contractId/renew; team and package default to the renewed contract's. */
export interface RenewContractRequest {
  signedDate?: string;
  teamId?: number;
  packageId?: number;
}

/** POST …/residents/:id/contracts/:contractId/terminate. */
export interface TerminateContractRequest {
  date: string;
  reason: string;
}

/** GET …/family-doctor/contracts query. */
export interface ContractListQuery {
  team?: number;
  /** One resident's contracts. */
  resident?: number;
  status?: ContractStatus;
  /** Only contracts in force that end within this many days and are not renewed (expiry reminders). */
  expiringWithin?: number;
  /** The day statuses are derived on; defaults to today. */
  asOf?: string;
  limit?: number;
  offset?: number;
}

export interface ContractList {
  asOf: string;
  total: number;
  contracts: FamilyDoctorContract[];
}

/** One contracted resident on a team's panel. */
export interface TeamPanelRow {
  resident: ContractResident;
  /** Age in whole years on `asOf`. */
  age: number;
  /** Key-population flags on `asOf` (core key-populations). */
  flags: KeyPopulationFlag[];
  contractId: number;
  contractEndDate: string;
  contractStatus: ContractStatus;
  /** Programme and immunisation items due now or within 7 days, and overdue, on `asOf`. */
  dueItems: number;
  overdueItems: number;
}

/** GET …/family-doctor/teams/:id/panel: the team's residents with a contract in force on `asOf`. */
export interface TeamPanel {
  asOf: string;
  team: FamilyDoctorTeam;
  rows: TeamPanelRow[];
  /** Rows whose contract is expiring. */
  expiring: number;
}
