import type {
  ContractList,
  ContractListQuery,
  FamilyDoctorContract,
  FamilyDoctorTeam,
  RenewContractRequest,
  ServicePackage,
  SignContractRequest,
  TeamPanel,
  TerminateContractRequest,
} from '@chp/core';
import { request } from './client.js';

export const listTeams = (code: string, asOf?: string): Promise<FamilyDoctorTeam[]> =>
  request('GET', `/counties/${code}/family-doctor/teams`, undefined, { asOf });

export const getTeamPanel = (code: string, teamId: number, asOf?: string): Promise<TeamPanel> =>
  request('GET', `/counties/${code}/family-doctor/teams/${teamId}/panel`, undefined, { asOf });

export const listPackages = (code: string): Promise<ServicePackage[]> =>
  request('GET', `/counties/${code}/family-doctor/packages`);

export const listContracts = (code: string, query: ContractListQuery): Promise<ContractList> =>
  request('GET', `/counties/${code}/family-doctor/contracts`, undefined, { ...query });

export const signContract = (
  code: string,
  residentId: number,
  body: SignContractRequest
): Promise<FamilyDoctorContract> => request('POST', `/counties/${code}/residents/${residentId}/contracts`, body);

export const renewContract = (
  code: string,
  contract: FamilyDoctorContract,
  body: RenewContractRequest
): Promise<FamilyDoctorContract> =>
  request('POST', `/counties/${code}/residents/${contract.resident.id}/contracts/${contract.id}/renew`, body);

export const terminateContract = (
  code: string,
  contract: FamilyDoctorContract,
  body: TerminateContractRequest
): Promise<FamilyDoctorContract> =>
  request('POST', `/counties/${code}/residents/${contract.resident.id}/contracts/${contract.id}/terminate`, body);
