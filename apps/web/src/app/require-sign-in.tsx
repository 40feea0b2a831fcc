import { useEffect, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useSession } from './session.tsx';
import { LoadingState } from '../components/page-states.tsx';

/** Sends signed-out visitors to the sign-in page and back here afterwards. The server checks too. */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const { session } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  useEffect(() => {
    if (session && !session.user) {
      void navigate('/sign-in', { replace: true, state: { returnTo: location.pathname } });
    }
  }, [session, navigate, location.pathname]);
  if (!session?.user) return <LoadingState />;
  return <>{children}</>;
}
