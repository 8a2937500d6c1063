import { Alert, Button } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useApiQuery } from '../../api/queries';
import { useT } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { ErrorState } from '../../ui/ErrorState';

/** 校验完整性: walks the hash chain on request and says whether it is intact. */
export function AuditVerifyButton({ onRun, loading }: { onRun: () => void; loading: boolean }) {
  const t = useT();
  return (
    <Button icon={<SafetyCertificateOutlined />} onClick={onRun} loading={loading} data-testid="audit-verify">
      {t('audit.verify')}
    </Button>
  );
}

/** Only asked when the button is pressed (a long log takes a while to walk). */
export function useAuditVerify() {
  return useApiQuery('audit.verify', {}, { enabled: false, staleTime: 0, gcTime: 60_000 });
}

export function AuditVerifyResult({ verify }: { verify: ReturnType<typeof useAuditVerify> }) {
  const t = useT();
  if (verify.isError) return <ErrorState compact error={verify.error} testId="audit-verify-result" />;
  const result = verify.data;
  if (!result || verify.isFetching) return null;
  if (result.ok) {
    return (
      <Alert
        className="gd-admin-alert"
        type="success"
        showIcon
        data-testid="audit-verify-result"
        data-ok="true"
        title={t('audit.verify.ok', { count: formatNumber(result.entries) })}
      />
    );
  }
  return (
    <Alert
      className="gd-admin-alert"
      type="error"
      showIcon
      data-testid="audit-verify-result"
      data-ok="false"
      title={t('audit.verify.bad', { seq: result.firstBad.seq, count: formatNumber(result.entries) })}
      description={result.firstBad.message}
    />
  );
}
