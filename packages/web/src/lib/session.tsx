import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Permission, SessionUser } from '@chp/core';
import { getSession, logout as apiLogout } from '../api/auth.js';
import { onUnauthorized } from '../api/client.js';
import { hasPermission } from './permissions.js';

interface Session {
  /** undefined while the session is being checked, null when signed out. */
  user: SessionUser | null | undefined;
  setUser: (user: SessionUser | null) => void;
  logout: () => Promise<void>;
  can: (permission: Permission) => boolean;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<SessionUser | null | undefined>(undefined);

  useEffect(() => {
    getSession().then(setUser, () => {
      setUser(null);
    });
    return onUnauthorized(() => {
      setUser(null);
    });
  }, []);

  const logout = useCallback(async () => {
    try {
      await apiLogout();
    } finally {
      setUser(null);
    }
  }, []);

  const value = useMemo<Session>(
    () => ({ user, setUser, logout, can: (p) => hasPermission(user ?? null, p) }),
    [user, logout]
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}
