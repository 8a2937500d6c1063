import { useMemo } from 'react';
import { Space } from 'antd';
import { formatNumber } from '../../i18n/format';
import { useT } from '../../i18n';
import { StatusTag } from './StatusTag';
import { targetIds, type StatusTarget } from './status-target';
import { useStatusStyles } from './use-status-styles';

/** What a change applies to: its name, how many buildings, and how many of them have each status now. */
export function StatusBreakdown({ target, statusOf }: { target: StatusTarget; statusOf(id: string): string | undefined }) {
  const t = useT();
  const styles = useStatusStyles();
  const ids = targetIds(target);
  const breakdown = useMemo(() => {
    if (!ids) return null;
    const counts = new Map<string, number>();
    for (const id of ids) {
      const s = statusOf(id);
      if (s !== undefined) counts.set(s, (counts.get(s) ?? 0) + 1);
    }
    return [...counts].sort((a, b) => styles.look(b[0]).rank - styles.look(a[0]).rank);
  }, [ids, statusOf, styles]);

  return (
    <>
      <div className="gd-bulk-target" data-testid="bulk-target">
        <b>{target.label}</b>
        {ids ? (
          <span data-testid="bulk-count" data-count={ids.length}>
            {t('map.bulk.count', { count: formatNumber(ids.length) })}
          </span>
        ) : null}
      </div>
      {breakdown && breakdown.length > 0 ? (
        <Space wrap size={[6, 6]} className="gd-bulk-breakdown" data-testid="bulk-breakdown">
          <span className="gd-muted">{t('map.bulk.now')}</span>
          {breakdown.map(([status, n]) => (
            <span key={status} data-testid={`bulk-breakdown-${status}`} data-count={n}>
              <StatusTag status={status} /> {formatNumber(n)}
            </span>
          ))}
        </Space>
      ) : null}
    </>
  );
}
