import { useEffect, useState } from 'react';
import { useApiEvent } from '../../api/events';

/**
 * Whether the figures on the screen may no longer be current: the event stream broke (the server
 * stopped, the network went down), or nothing was received for `staleAfterSeconds` although the
 * display asks for its figures more often than that. Checked every second.
 */
export function useStaleness(receivedAt: number, staleAfterSeconds: number): boolean {
  const [dropped, setDropped] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  useApiEvent('events.dropped', () => setDropped(true));
  useApiEvent('events.resumed', () => setDropped(false));
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return dropped || receivedAt === 0 || now - receivedAt > staleAfterSeconds * 1000;
}
