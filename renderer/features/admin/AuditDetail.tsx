import { useState } from 'react';
import { Button } from 'antd';
import { useT } from '../../i18n';

/** The entry in words (`summary`); 展开 adds the details as recorded. */
export function AuditDetail({ summary, detail, seq }: { summary: string; detail: unknown; seq: number }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const hasDetail = detail !== null && detail !== undefined;
  return (
    <div className="gd-audit-detail" data-testid={`audit-detail-${seq}`}>
      <span className="gd-audit-summary" data-testid={`audit-summary-${seq}`}>
        {summary || <span className="gd-muted">—</span>}
      </span>
      {hasDetail ? (
        <Button type="link" size="small" onClick={() => setOpen(!open)} aria-expanded={open} data-testid={`audit-expand-${seq}`}>
          {t(open ? 'audit.detail.hide' : 'audit.detail.show')}
        </Button>
      ) : null}
      {open && hasDetail ? <pre className="gd-audit-json">{typeof detail === 'string' ? detail : JSON.stringify(detail, null, 2)}</pre> : null}
    </div>
  );
}
