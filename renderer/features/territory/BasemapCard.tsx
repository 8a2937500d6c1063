import { useState } from 'react';
import { App, Button, Input, Popconfirm, Space, Typography } from 'antd';
import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import type { BasemapInfo } from '../../../electron/api';
import { pickAndUploadFile } from '../../api/files';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { useT, type Translate } from '../../i18n';
import { describeError } from '../../ui/error-text';

const ACCEPT = ['.pmtiles', '.mbtiles'];

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function currentText(info: BasemapInfo, t: Translate): string {
  const b = info.imported;
  if (b) return t('basemap.imported', { name: b.name, kind: b.kind.toUpperCase(), format: b.format.toUpperCase(), minZoom: b.minZoom, maxZoom: b.maxZoom, size: sizeText(b.size) });
  return info.tianditu ? t('basemap.tianditu') : t('basemap.generated');
}

/** 底图: import an offline PMTiles / MBTiles basemap (uploaded by stream, then checked), remove it, or set a 天地图 key. */
export function BasemapCard() {
  const t = useT();
  const { message } = App.useApp();
  const info = useApiQuery('basemap.info', {});
  const [progress, setProgress] = useState<number | null>(null);
  const [key, setKey] = useState('');
  const fail = (err: unknown) => void message.error(describeError(err, t).message);
  const remove = useApiMutation('basemap.remove', { onSuccess: () => void message.success(t('basemap.remove.done')), onError: fail });
  const tianditu = useApiMutation('basemap.setTianditu', {
    onSuccess: (result) => {
      setKey('');
      void message.success(result.tianditu ? t('basemap.tianditu.saved') : t('basemap.tianditu.cleared'));
    },
    onError: fail,
  });
  const importBasemap = useApiMutation('basemap.import', { onSuccess: (b) => void message.success(t('basemap.import.done', { name: b.name })), onError: fail });

  const pick = async () => {
    try {
      const file = await pickAndUploadFile({ accept: ACCEPT, onProgress: (sent, total) => setProgress(total > 0 ? Math.round((sent / total) * 100) : 0) });
      setProgress(null);
      if (file) importBasemap.mutate({ fileId: file.fileId });
    } catch (err) {
      setProgress(null);
      fail(err);
    }
  };

  return (
    <div data-testid="territory-basemap">
      <Typography.Paragraph type="secondary">{t('basemap.help')}</Typography.Paragraph>
      <Typography.Paragraph>
        {t('basemap.current')}：<span data-testid="basemap-current">{info.data ? currentText(info.data, t) : '…'}</span>
      </Typography.Paragraph>
      <Space wrap>
        <Button icon={<UploadOutlined />} loading={progress !== null || importBasemap.isPending} onClick={() => void pick()} data-testid="basemap-import">
          {progress !== null ? t('basemap.uploading', { percent: progress }) : t('basemap.import')}
        </Button>
        {info.data?.imported ? (
          <Popconfirm title={t('basemap.remove.confirm')} onConfirm={() => remove.mutate({})}>
            <Button icon={<DeleteOutlined />} danger loading={remove.isPending} data-testid="basemap-remove">
              {t('basemap.remove')}
            </Button>
          </Popconfirm>
        ) : null}
      </Space>
      <Space.Compact style={{ marginTop: 12, maxWidth: 560, width: '100%' }}>
        <Input
          addonBefore={t('basemap.tianditu.key')}
          placeholder={t('basemap.tianditu.placeholder')}
          value={key}
          onChange={(e) => setKey(e.target.value)}
          data-testid="basemap-tianditu-key"
        />
        <Button loading={tianditu.isPending} disabled={key.trim() === ''} onClick={() => tianditu.mutate({ key })}>
          {t('basemap.tianditu.save')}
        </Button>
        {info.data?.tianditu ? <Button onClick={() => tianditu.mutate({ key: null })}>{t('basemap.tianditu.clear')}</Button> : null}
      </Space.Compact>
    </div>
  );
}
