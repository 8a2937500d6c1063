import { useState } from 'react';
import { Alert, Button, Select, Table, Typography } from 'antd';
import type { ImportFieldInfo, ImportRun } from '../../../electron/api';
import { useT } from '../../i18n';
import { testId } from '../../ui/test-id';

interface Props {
  run: ImportRun;
  pending: boolean;
  onSubmit(mapping: Record<string, number | null>): void;
}

/** One dropdown per field: which column of the sheet holds it (pre-filled with the remembered or guessed mapping). */
export function MappingStep({ run, pending, onSubmit }: Props) {
  const t = useT();
  const [mapping, setMapping] = useState(run.mapping);
  const options = [{ value: -1, label: t('imports.map.none') }, ...run.headers.map((h, i) => ({ value: i, label: h }))];
  return (
    <div data-testid="import-mapping">
      <Alert
        type="info"
        showIcon
        className="gd-import-alert"
        title={t('imports.map.help')}
        description={run.mappingSource === 'remembered' ? t('imports.map.remembered') : run.mappingSource === 'auto' ? t('imports.map.auto') : undefined}
      />
      {run.problems.length > 0 ? (
        <Alert type="warning" showIcon className="gd-import-alert" data-testid="import-mapping-problems" title={run.problems.join('；')} />
      ) : null}
      <Table<ImportFieldInfo>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={run.fields}
        onRow={(f) => testId(`import-field-${f.key}`)}
        columns={[
          {
            title: t('imports.map.field'),
            dataIndex: 'label',
            render: (label: string, f) => (
              <span>
                <b>{label}</b>
                {f.required ? <Typography.Text type="danger"> *</Typography.Text> : null}
                {f.hint ? <div className="gd-import-hint">{f.hint}</div> : null}
              </span>
            ),
          },
          {
            title: t('imports.map.column'),
            key: 'column',
            render: (_: unknown, f) => (
              <Select<number>
                className="gd-import-select"
                value={mapping[f.key] ?? -1}
                options={options}
                onChange={(v) => setMapping({ ...mapping, [f.key]: v < 0 ? null : v })}
                data-testid={`import-map-${f.key}`}
              />
            ),
          },
        ]}
      />
      <div className="gd-import-actions">
        <Button type="primary" loading={pending} onClick={() => onSubmit(mapping)} data-testid="import-map-submit">
          {t('imports.map.check')}
        </Button>
      </div>
    </div>
  );
}
