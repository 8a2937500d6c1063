import type { Briefing } from '../../../electron/api';
import { CommunityCard } from './CommunityCard';

/** A card per community, laid out to fill the stage without scrolling (about as wide as the stage's shape allows). */
export function CommunitiesPanel({ data }: { data: Briefing }) {
  const n = data.communities.length;
  const columns = Math.max(1, Math.min(n, Math.ceil(Math.sqrt(n * 1.8))));
  const rows = Math.max(1, Math.ceil(n / columns));
  return (
    <div className={`gd-brief-communities gd-brief-rows-${Math.min(rows, 5)}`} style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`, gridTemplateRows: `repeat(${rows}, minmax(0, 1fr))` }}>
      {data.communities.map((c) => (
        <CommunityCard key={c.communityId} c={c} />
      ))}
    </div>
  );
}
