/**
 * The county's family-doctor service: one team per township health centre — a general practitioner who
 * leads it, a nurse, a public-health doctor and a few village doctors, each looking after some of the
 * township's villages — and three service packages: the free 基础包 and the 高血压 and 糖尿病 个性化包, which
 * residents pay for.
 */
import type { KnownSex, TeamMemberRole } from '@chp/core';
import type { Random } from '../random.js';
import { integerBetween } from '../registers/sampling.js';
import type { HealthCounty } from './county.js';
import { chineseName, mobileNumber } from './names.js';
import type { HealthRow, IdCounters } from './rows.js';

export interface TeamPlan {
  id: number;
  /** The general practitioner who leads the team and does the yearly checks. */
  leader: string;
  /** The village doctor who visits each village's patients, by village code. */
  villageDoctors: ReadonlyMap<string, string>;
}

export interface PackageIds {
  basic: number;
  hypertension: number;
  diabetes: number;
}

export interface FamilyDoctorSetup {
  packages: HealthRow<'servicePackage'>[];
  teams: HealthRow<'familyDoctorTeam'>[];
  members: HealthRow<'familyDoctorTeamMember'>[];
  teamByTownship: ReadonlyMap<string, TeamPlan>;
  packageIds: PackageIds;
}

const PACKAGES = [
  {
    code: 'basic',
    name: '基础服务包',
    kind: 'basic',
    annualFee: 0,
    targetFlags: [],
    services: ['健康档案管理', '健康教育与咨询', '预防接种', '重点人群健康管理', '预约转诊', '用药指导'],
  },
  {
    code: 'hypertension',
    name: '高血压个性化服务包',
    kind: 'personalised',
    annualFee: 60,
    targetFlags: ['hypertension'],
    services: ['每季度面对面随访', '家庭血压监测指导', '血脂、肾功能检查', '心电图检查', '用药调整'],
  },
  {
    code: 'diabetes',
    name: '糖尿病个性化服务包',
    kind: 'personalised',
    annualFee: 80,
    targetFlags: ['diabetes'],
    services: ['每季度面对面随访', '糖化血红蛋白检测', '眼底检查', '足部检查', '用药调整'],
  },
] as const;

/** At most this many village doctors per team; each looks after several villages. */
const MAX_VILLAGE_DOCTORS = 6;
const VILLAGES_PER_DOCTOR = 4;

export function familyDoctorSetup(random: Random, county: HealthCounty, ids: IdCounters): FamilyDoctorSetup {
  const { countyCode } = county;
  const packages = PACKAGES.map((spec) => ({
    id: ids.take('servicePackage'),
    countyCode,
    ...spec,
    targetFlags: [...spec.targetFlags],
    services: [...spec.services],
  }));
  const teams: HealthRow<'familyDoctorTeam'>[] = [];
  const members: HealthRow<'familyDoctorTeamMember'>[] = [];
  const teamByTownship = new Map<string, TeamPlan>();
  for (const township of county.townships) {
    const id = ids.take('familyDoctorTeam');
    const villages = county.villages.filter((village) => village.townshipCode === township.code);
    teams.push({
      id,
      countyCode,
      name: `${township.name}家庭医生团队`,
      facilityId: county.facilities.centres.get(township.code) ?? null,
      townshipCode: township.code,
      areaCodes: villages.length > 0 ? villages.map((village) => village.code) : [township.code],
    });
    const member = (role: TeamMemberRole): string => {
      const sex: KnownSex = random() < (role === 'nurse' ? 0.05 : 0.6) ? '1' : '2';
      const name = chineseName(random, sex, integerBetween(random, 1965, 1995));
      members.push({
        countyCode,
        teamId: id,
        name,
        role,
        healthWorkerId: null,
        userId: null,
        phone: mobileNumber(random),
      });
      return name;
    };
    const leader = member('leader');
    member('nurse');
    member('public_health');
    const doctorCount = Math.min(MAX_VILLAGE_DOCTORS, Math.max(1, Math.ceil(villages.length / VILLAGES_PER_DOCTOR)));
    const doctors = Array.from({ length: doctorCount }, () => member('village_doctor'));
    const villageDoctors = new Map(
      villages.map((village, index) => [village.code, doctors[index % doctorCount] ?? leader])
    );
    teamByTownship.set(township.code, { id, leader, villageDoctors });
  }
  const packageId = (code: keyof PackageIds): number => packages.find((row) => row.code === code)?.id ?? 0;
  return {
    packages,
    teams,
    members,
    teamByTownship,
    packageIds: { basic: packageId('basic'), hypertension: packageId('hypertension'), diabetes: packageId('diabetes') },
  };
}
