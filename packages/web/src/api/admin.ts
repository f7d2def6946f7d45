import type { AuditEntry, CreateUserRequest, UpdateUserRequest, UpdateUserResponse, UserSummary } from '@chp/core';
import { request } from './client.js';

export const listUsers = (): Promise<UserSummary[]> => request('GET', '/users');

export const createUser = (body: CreateUserRequest): Promise<UserSummary> => request('POST', '/users', body);

export const updateUser = (id: number, body: UpdateUserRequest): Promise<UpdateUserResponse> =>
  request('PATCH', `/users/${id}`, body);

export const listAudit = (query: { entity?: string; limit: number; offset: number }): Promise<AuditEntry[]> =>
  request('GET', '/audit', undefined, query);
