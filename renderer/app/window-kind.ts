/**
 * Where this page runs, from its address: the desktop app's read-only briefing window
 * (`?window=briefing`, set by the shell), or a paired wall PC (`/wall`, browser mode's wall
 * listener). Neither may change anything — the services refuse it — so the page offers nothing that would.
 */
export function isBriefingWindow(location: Pick<Location, 'search'> = window.location): boolean {
  return new URLSearchParams(location.search).get('window') === 'briefing';
}

export function isWallDisplay(location: Pick<Location, 'pathname'> = window.location): boolean {
  return location.pathname === '/wall';
}
