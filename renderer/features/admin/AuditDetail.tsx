import { useState } from 'react';
import { Button } from 'antd';
import { useT } from '../../i18n';

function compact(detail: unknown): string {
  return typeof detail === 'string' ? detail : JSON.stringify(detail);
}

/** The entry's detail: one collapsed line, 展开 for the indented JSON. */
export function AuditDetail({ detail, seq }: { detail: unknown; seq: number }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  if (detail === null || detail === undefined) return <span className="gd-muted">—</span>;
  const line = compact(detail);
  return (
    <div className="gd-audit-detail" data-testid={`audit-detail-${seq}`}>
      {open ? (
        <pre className="gd-audit-json">{typeof detail === 'string' ? detail : JSON.stringify(detail, null, 2)}</pre>
      ) : (
        <code className="gd-audit-line" title={line}>
          {line}
        </code>
      )}
      <Button type="link" size="small" onClick={() => setOpen(!open)} aria-expanded={open}>
        {t(open ? 'audit.detail.hide' : 'audit.detail.show')}
      </Button>
    </div>
  );
}
