import { useRef } from 'react';
import { Tag } from 'antd';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { RosterFilter } from '../../../electron/api';
import { useT } from '../../i18n';
import { ErrorState } from '../../ui/ErrorState';
import { useRosterWindow } from './use-roster-window';

const ROW_HEIGHT = 40;
const STATUS_COLORS = { active: 'green', paused: 'orange', left: 'default' } as const;

/** The roster as a virtual list: only the rows in view are drawn, and only their pages fetched. */
export function RosterList({ filter, onOpen }: { filter: RosterFilter; onOpen(id: string): void }) {
  const t = useT();
  const parent = useRef<HTMLDivElement>(null);
  const firstPage = useRosterWindow(filter, 0, 0);
  const count = firstPage.total ?? 0;
  const virtual = useVirtualizer({ count, getScrollElement: () => parent.current, estimateSize: () => ROW_HEIGHT, overscan: 20 });
  const items = virtual.getVirtualItems();
  const window = useRosterWindow(filter, items[0]?.index ?? 0, items.at(-1)?.index ?? 0);
  if (firstPage.error) return <ErrorState compact error={firstPage.error} />;
  return (
    <div className="gd-roster" role="table" aria-rowcount={count} data-testid="volunteer-roster">
      <div className="gd-roster-row gd-roster-head" role="row">
        {(['name', 'gender', 'phone', 'kind', 'community', 'team', 'skills', 'status', 'briefing'] as const).map((c) => (
          <span key={c} role="columnheader" className={`gd-roster-${c}`}>
            {t(`volunteers.col.${c}`)}
          </span>
        ))}
      </div>
      <div ref={parent} className="gd-roster-body" data-testid="volunteer-roster-body">
        {firstPage.total === 0 && <div className="gd-roster-empty">{t('volunteers.empty')}</div>}
        <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const r = window.row(item.index);
            return (
              <div
                key={item.key}
                role="row"
                className="gd-roster-row"
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                tabIndex={r ? 0 : -1}
                onClick={() => r && onOpen(r.id)}
                onKeyDown={(e) => e.key === 'Enter' && r && onOpen(r.id)}
                data-testid={r ? 'volunteer-row' : 'volunteer-row-loading'}
              >
                {r ? (
                  <>
                    <span role="cell" className="gd-roster-name">{r.name}</span>
                    <span role="cell" className="gd-roster-gender">{t(`volunteers.gender.${r.gender}`)}</span>
                    <span role="cell" className="gd-roster-phone">{r.phone}</span>
                    <span role="cell" className="gd-roster-kind">{t(`volunteers.kind.${r.kind}`)}</span>
                    <span role="cell" className="gd-roster-community">{[r.communityName, r.building].filter(Boolean).join(' · ')}</span>
                    <span role="cell" className="gd-roster-team">{r.teams.join('、')}</span>
                    <span role="cell" className="gd-roster-skills">{r.skills.join('、')}</span>
                    <span role="cell" className="gd-roster-status">
                      <Tag color={STATUS_COLORS[r.status]}>{t(`volunteers.status.${r.status}`)}</Tag>
                    </span>
                    <span role="cell" className="gd-roster-briefing">{t(r.briefingAt ? 'volunteers.briefing.yes' : 'volunteers.briefing.no')}</span>
                  </>
                ) : (
                  <span className="gd-roster-name">…</span>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
