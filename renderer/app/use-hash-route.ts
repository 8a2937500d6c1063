import { useEffect, useState } from 'react';

/** The route is the hash: `#/map`, `#/buildings`, … (works from app:// and from / alike). */
function current(): string {
  const path = window.location.hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return path;
}

export function useHashRoute(): string {
  const [route, setRoute] = useState(current);
  useEffect(() => {
    const update = () => setRoute(current());
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}

export function navigate(route: string): void {
  window.location.hash = `#/${route}`;
}
