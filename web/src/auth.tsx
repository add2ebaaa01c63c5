import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, setToken, setUnauthorizedHandler } from './api';
import { offlineFor } from './offline';
import { loadReportTimeZone } from './timeZone';

export type Role = 'admin' | 'manager' | 'official' | 'handler';

export interface CurrentUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  departmentId: string | null;
}

interface Auth {
  user: CurrentUser | null;
  login: (username: string, password: string) => Promise<CurrentUser>;
  logout: () => void;
  /** True when the signed-in user's role is one of these. */
  can: (...roles: Role[]) => boolean;
}

const USER_KEY = 'outreach.user';

/** Whether a user is signed in on this device (the app's first paint depends on it). */
export function hasStoredUser(): boolean {
  return localStorage.getItem(USER_KEY) !== null;
}
const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<CurrentUser | null>(() => {
    const saved = localStorage.getItem(USER_KEY);
    return saved ? (JSON.parse(saved) as CurrentUser) : null;
  });
  const logout = useCallback(() => {
    setToken(null);
    localStorage.removeItem(USER_KEY);
    setUser(null);
  }, []);
  useEffect(() => setUnauthorizedHandler(logout), [logout]);
  // The offline shell keeps the signed-in role's pages, and drops what it kept on sign-out.
  const role = user?.role ?? null;
  useEffect(() => offlineFor(role), [role]);
  const login = useCallback(async (username: string, password: string) => {
    const result = await api<{ accessToken: string; user: CurrentUser }>('/auth/login', {
      method: 'POST',
      body: { username, password },
    });
    // The signed-in pages show dates: the report time zone first (asked when the app started).
    await loadReportTimeZone();
    setToken(result.accessToken);
    localStorage.setItem(USER_KEY, JSON.stringify(result.user));
    setUser(result.user);
    return result.user;
  }, []);
  const value = useMemo<Auth>(
    () => ({ user, login, logout, can: (...roles) => !!user && roles.includes(user.role) }),
    [user, login, logout],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}
