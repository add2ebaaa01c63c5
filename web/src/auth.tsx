import {
  createContext,
  lazy,
  Suspense,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { api, setToken, setUnauthorizedHandler } from './api';
import { offlineFor } from './offline';
import { loadReportTimeZone } from './timeZone';

/**
 * Fetched when a session first runs out: its Modal is not in the first script, which an official
 * on a slow network waits for (docs/web-app.md, page weight).
 */
const SessionModal = lazy(() => import('./components/SessionModal').then((m) => ({ default: m.SessionModal })));

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
  /** True while the session has ended mid-way and the user is asked to sign in again over the page. */
  expired: boolean;
  /** Signs the same user in again; the requests waiting for it are then sent once more. */
  renew: (password: string) => Promise<void>;
}

const USER_KEY = 'outreach.user';

/** Whether a user is signed in on this device (the app's first paint depends on it). */
export function hasStoredUser(): boolean {
  return localStorage.getItem(USER_KEY) !== null;
}
const AuthContext = createContext<Auth | null>(null);

/**
 * Who is signed in. When the service answers 401 mid-session (the token expired, was revoked or
 * removed), the user stays on the page: a dialog asks for the password again, the requests that
 * got the 401 wait, and once signed in they are sent again, so the page carries on where it was.
 */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<CurrentUser | null>(() => {
    const saved = localStorage.getItem(USER_KEY);
    return saved ? (JSON.parse(saved) as CurrentUser) : null;
  });
  const [expired, setExpired] = useState(false);
  const userRef = useRef(user);
  useEffect(() => {
    userRef.current = user;
  }, [user]);
  /** The requests waiting for the user to sign in again. */
  const waiting = useRef<((renewed: boolean) => void)[]>([]);
  const settle = useCallback((renewed: boolean) => {
    const waiters = waiting.current;
    waiting.current = [];
    for (const resume of waiters) resume(renewed);
  }, []);

  const logout = useCallback(() => {
    setToken(null);
    localStorage.removeItem(USER_KEY);
    setUser(null);
    setExpired(false);
    settle(false);
  }, [settle]);
  useEffect(
    () =>
      setUnauthorizedHandler(() => {
        if (!userRef.current) return Promise.resolve(false);
        setExpired(true);
        return new Promise<boolean>((resolve) => waiting.current.push(resolve));
      }),
    [],
  );
  // The offline shell keeps the signed-in role's pages, and drops what it kept on sign-out.
  const role = user?.role ?? null;
  useEffect(() => offlineFor(role), [role]);
  const signIn = useCallback(async (username: string, password: string) => {
    const result = await api<{ accessToken: string; user: CurrentUser }>('/auth/login', {
      method: 'POST',
      body: { username, password },
      anonymous: true,
    });
    // The signed-in pages show dates: the report time zone first (asked when the app started).
    await loadReportTimeZone();
    setToken(result.accessToken);
    localStorage.setItem(USER_KEY, JSON.stringify(result.user));
    return result.user;
  }, []);
  const login = useCallback(
    async (username: string, password: string) => {
      const signedIn = await signIn(username, password);
      setUser(signedIn);
      return signedIn;
    },
    [signIn],
  );
  const renew = useCallback(
    async (password: string) => {
      const current = userRef.current;
      if (!current) return;
      const signedIn = await signIn(current.username, password);
      // The same account (a renamed or re-roled one gets its new name and role).
      setUser(signedIn);
      setExpired(false);
      settle(true);
    },
    [signIn, settle],
  );
  const value = useMemo<Auth>(
    () => ({ user, login, logout, expired, renew, can: (...roles) => !!user && roles.includes(user.role) }),
    [user, login, logout, expired, renew],
  );
  return (
    <AuthContext.Provider value={value}>
      {children}
      {user && expired && (
        <Suspense fallback={null}>
          <SessionModal />
        </Suspense>
      )}
    </AuthContext.Provider>
  );
}

export function useAuth(): Auth {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}
