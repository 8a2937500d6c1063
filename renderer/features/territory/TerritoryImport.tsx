import { useState } from 'react';
import { Alert, App, Button, Form, Select, Space, Typography, type ButtonProps } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import type { CrsChoice, EncodingChoice, TerritoryApplied, TerritoryLayer, TerritoryMapping, TerritoryPreview } from '../../../electron/api';
import { pickAndUploadFile } from '../../api/files';
import { useApiMutation } from '../../api/queries';
import { useT } from '../../i18n';
import { describeError } from '../../ui/error-text';
import { useJobResult } from '../imports/use-import-job';
import { crsOptions } from './crs-options';
import { PreviewMap } from './PreviewMap';
import { ProblemsTable } from './ProblemsTable';

// ButtonProps does not declare data-* attributes; antd passes them on to the button.
const APPLY_BUTTON: ButtonProps & { 'data-testid': string } = { 'data-testid': 'territory-apply-confirm' };
const ACCEPT = ['.zip', '.geojson', '.json', '.kml'];
const LAYERS: TerritoryLayer[] = ['communities', 'grids', 'buildings'];
const MAPPED: Record<TerritoryLayer, (keyof TerritoryMapping)[]> = {
  communities: ['code', 'name'],
  grids: ['code', 'name', 'community'],
  buildings: ['name', 'address', 'compound', 'floors'],
};

/** Choose what to import and how to read it, preview it over the map, then confirm. */
export function TerritoryImport() {
  const t = useT();
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const [layer, setLayer] = useState<TerritoryLayer>('communities');
  const [crs, setCrs] = useState<CrsChoice>('auto');
  const [encoding, setEncoding] = useState<EncodingChoice>('auto');
  const [fileId, setFileId] = useState<string | null>(null);
  const [mapping, setMapping] = useState<TerritoryMapping>({});
  const [preview, setPreview] = useState<TerritoryPreview | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const previewCall = useApiMutation('territory.preview');
  const applyCall = useApiMutation('territory.apply');
  const finish = useJobResult();

  const attempt = async (fn: () => Promise<void>) => {
    setError(null);
    setBusy(true);
    try {
      await fn();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const check = (id: string, given: TerritoryMapping, reading: CrsChoice = crs) =>
    attempt(async () => {
      const result = await finish<TerritoryPreview>('territory.preview', await previewCall.mutateAsync({ fileId: id, layer, crs: reading, encoding, mapping: given }));
      setPreview(result);
      setMapping(result.mapping);
    });
  const pick = () =>
    attempt(async () => {
      const picked = await pickAndUploadFile({ accept: ACCEPT });
      if (!picked) return;
      setFileId(picked.fileId);
      setPreview(null);
      setBusy(false);
      await check(picked.fileId, {});
    });
  const reset = () => {
    setPreview(null);
    setFileId(null);
    setMapping({});
    setError(null);
  };

  const layerWord = t(`territory.layer.${layer}`);
  const confirmApply = () => {
    if (!preview || !fileId) return;
    const { create, update, reject } = preview.counts;
    if (create + update === 0) return void message.warning(t('territory.apply.nothing'));
    modal.confirm({
      title: t('territory.apply'),
      content: <span data-testid="territory-apply-dialog">{t('territory.apply.confirm', { create, update, reject, layer: layerWord })}</span>,
      okText: t('territory.apply'),
      okButtonProps: APPLY_BUTTON,
      cancelText: t('common.cancel'),
      onOk: () =>
        attempt(async () => {
          const done = await finish<TerritoryApplied>('territory.apply', await applyCall.mutateAsync({ fileId, layer, crs, encoding, mapping }));
          void message.success(t('territory.applied', { layer: layerWord, created: done.created, updated: done.updated, rejected: done.rejected }));
          await client.invalidateQueries();
          reset();
        }),
    });
  };

  const attributeOptions = [{ value: '', label: t('territory.mapping.none') }, ...(preview?.attributes ?? []).map((a) => ({ value: a, label: a }))];

  return (
    <div data-testid="territory-import">
      <Typography.Paragraph type="secondary">{t('territory.import.help')}</Typography.Paragraph>
      <Form layout="inline" className="gd-territory-form">
        <Form.Item label={t('territory.layer')}>
          <Select<TerritoryLayer>
            value={layer}
            onChange={(v) => {
              setLayer(v);
              reset();
            }}
            options={LAYERS.map((l) => ({ value: l, label: t(`territory.layer.${l}`) }))}
            style={{ width: 140 }}
            data-testid="territory-layer"
          />
        </Form.Item>
        <Form.Item label={t('territory.crs')}>
          <Select<CrsChoice> value={crs} onChange={setCrs} options={crsOptions(t)} style={{ width: 330 }} showSearch={{ optionFilterProp: 'label' }} data-testid="territory-crs" />
        </Form.Item>
        <Form.Item label={t('territory.encoding')}>
          <Select<EncodingChoice>
            value={encoding}
            onChange={setEncoding}
            options={[
              { value: 'auto', label: t('territory.encoding.auto') },
              { value: 'gbk', label: 'GBK' },
              { value: 'utf-8', label: 'UTF-8' },
            ]}
            style={{ width: 260 }}
            data-testid="territory-encoding"
          />
        </Form.Item>
        <Form.Item>
          <Button type="primary" icon={<UploadOutlined />} loading={busy} onClick={() => void pick()} data-testid="territory-pick">
            {busy ? t('territory.reading') : t('territory.pick')}
          </Button>
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon className="gd-territory-error" title={describeError(error, t).message} data-testid="territory-error" /> : null}
      {preview ? (
        <div className="gd-territory-preview" data-testid="territory-preview">
          <Typography.Title level={5}>{t('territory.preview.title', { layer: layerWord })}</Typography.Title>
          <Space direction="vertical" size={2}>
            <span data-testid="territory-preview-crs">
              {t('territory.preview.crs', { label: preview.crs.label })}
              {preview.crs.detected ? t('territory.preview.detected') : ''}
            </span>
            {preview.crsHint ? (
              <Alert
                type="warning"
                showIcon
                title={preview.crsHint.reason}
                data-testid="territory-preview-crs-hint"
                action={
                  preview.crsHint.propose && fileId ? (
                    <Button
                      size="small"
                      onClick={() => {
                        const proposed = preview.crsHint!.propose!;
                        setCrs(proposed);
                        void check(fileId, mapping, proposed);
                      }}
                      data-testid="territory-preview-crs-accept"
                    >
                      {t('territory.preview.crsAccept', { crs: preview.crsHint.propose === 'gcj02' ? 'GCJ-02' : 'BD-09' })}
                    </Button>
                  ) : undefined
                }
              />
            ) : null}
            {preview.encoding ? <span data-testid="territory-preview-encoding">{t('territory.preview.encoding', { encoding: preview.encoding.toUpperCase() })}</span> : null}
            <strong data-testid="territory-preview-counts">{t('territory.preview.counts', preview.counts)}</strong>
            <span data-testid="territory-preview-checks">
              {t('territory.preview.checks', { outside: preview.checks.outsideGrids, overlaps: preview.checks.overlaps, gaps: preview.checks.gaps })}
            </span>
            {preview.featuresCut ? <span>{t('territory.preview.cut', { n: preview.features.length })}</span> : null}
          </Space>
          <Form layout="inline" className="gd-territory-form" data-testid="territory-mapping">
            {MAPPED[layer].map((field) => (
              <Form.Item key={field} label={t(`territory.mapping.${field}`)}>
                <Select
                  value={mapping[field] ?? ''}
                  onChange={(v: string) => setMapping({ ...mapping, [field]: v })}
                  options={attributeOptions}
                  style={{ width: 150 }}
                  data-testid={`territory-mapping-${field}`}
                />
              </Form.Item>
            ))}
            <Form.Item>
              <Button onClick={() => fileId && void check(fileId, mapping)} disabled={busy} data-testid="territory-recheck">
                {t('territory.mapping.recheck')}
              </Button>
            </Form.Item>
          </Form>
          <PreviewMap preview={preview} />
          <ProblemsTable problems={preview.problems} />
          <Space>
            <Button type="primary" onClick={confirmApply} disabled={busy} data-testid="territory-apply">
              {t('territory.apply')}
            </Button>
            <Button onClick={reset} disabled={busy} data-testid="territory-discard">
              {t('territory.discard')}
            </Button>
          </Space>
        </div>
      ) : null}
    </div>
  );
}
