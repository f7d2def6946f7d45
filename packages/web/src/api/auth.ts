import type { SessionUser } from '@chp/core';
import { request } from './client.js';

export const login = (username: string, password: string): Promise<SessionUser> =>
  request('POST', '/auth/login', { username, password });

export const logout = (): Promise<void> => request('POST', '/auth/logout');

export const getMe = (): Promise<SessionUser> => request('GET', '/auth/me');

export const changePassword = (currentPassword: string, newPassword: string): Promise<void> =>
  request('POST', '/auth/change-password', { currentPassword, newPassword });
