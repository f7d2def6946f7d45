import type { SessionUser } from '@chp/core';
import { request } from './client.js';

export const login = (username: string, password: string): Promise<SessionUser> =>
  request('POST', '/auth/login', { username, password });

export const logout = (): Promise<void> => request('POST', '/auth/logout');

export const getMe = (): Promise<SessionUser> => request('GET', '/auth/me');
/** The signed-in user, or null: never a 401, so loading the app logs no failed request. */
export const getSession = async (): Promise<SessionUser | null> =>
  (await request<{ user: SessionUser | null }>('GET', '/auth/session')).user;

export const changePassword = (currentPassword: string, newPassword: string): Promise<void> =>
  request('POST', '/auth/change-password', { currentPassword, newPassword });
