import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { SessionResponse } from '@innspill/contracts';
import { api, setCsrfToken } from '../lib/api-client.ts';

interface SessionValue {
  session: SessionResponse | undefined;
  /** Replace the session (after sign-in or setup) or reload it from the server. */
  setSession: (session: SessionResponse) => void;
  refresh: () => Promise<void>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionValue | undefined>(undefined);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSessionState] = useState<SessionResponse>();
  const setSession = useCallback((next: SessionResponse) => {
    setCsrfToken(next.csrfToken);
    setSessionState(next);
  }, []);
  const refresh = useCallback(async () => {
    setSession(await api.get<SessionResponse>('/api/auth/session'));
  }, [setSession]);
  const signOut = useCallback(async () => {
    await api.post('/api/auth/sign-out');
    setSession({ user: null, csrfToken: null, memberships: [] });
  }, [setSession]);
  useEffect(() => {
    refresh().catch(() => setSession({ user: null, csrfToken: null, memberships: [] }));
  }, [refresh, setSession]);
  return (
    <SessionContext.Provider value={{ session, setSession, refresh, signOut }}>
      {children}
    </SessionContext.Provider>
  );
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside SessionProvider');
  return value;
}
