import { useState } from 'react';
import { App, Button, Checkbox, InputNumber, Modal, Switch } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { BRIEFING_INTERVAL, BRIEFING_STALE_AFTER, briefingPanels, type BriefingPanel, type BriefingSettings } from '../../../electron/api';
import { useApiMutation } from '../../api/queries';
import { useT } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { FormErrorAlert } from '../../ui/FormErrorAlert';

/** Every panel in the saved order first, the ones left out after it (unticked). */
function initialOrder(panels: readonly BriefingPanel[]): BriefingPanel[] {
  return [...panels, ...briefingPanels.filter((p) => !panels.includes(p))];
}

/** Administrators and leaders set which panels take turns, in which order, how often, and when figures count as stale. */
export function SettingsModal({ settings, onClose }: { settings: BriefingSettings; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [order, setOrder] = useState(() => initialOrder(settings.panels));
  const [shown, setShown] = useState(() => new Set(settings.panels));
  const [rotate, setRotate] = useState(settings.rotate);
  const [interval, setIntervalSeconds] = useState<number | null>(settings.intervalSeconds);
  const [staleAfter, setStaleAfter] = useState<number | null>(settings.staleAfterSeconds);
  const save = useApiMutation('briefing.saveSettings', {
    onSuccess: () => {
      void message.success(t('briefing.settings.saved'));
      onClose();
    },
  });
  const move = (i: number, by: -1 | 1) =>
    setOrder((list) => {
      const next = [...list];
      [next[i], next[i + by]] = [next[i + by]!, next[i]!];
      return next;
    });
  const submit = () =>
    save.mutate({
      panels: order.filter((p) => shown.has(p)),
      rotate,
      intervalSeconds: interval ?? Number.NaN,
      staleAfterSeconds: staleAfter ?? Number.NaN,
    });
  return (
    <Modal
      open
      title={t('briefing.settings.title')}
      onCancel={onClose}
      onOk={submit}
      okText={t('briefing.settings.save')}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'briefing-settings-save' }}
      data-testid="briefing-settings"
    >
      <p className="gd-brief-settings-meta">
        {settings.updatedAt !== null && settings.updatedBy !== null
          ? t('briefing.settings.updated', { by: settings.updatedBy, at: formatDateTime(settings.updatedAt) })
          : t('briefing.settings.defaults')}
      </p>
      <div className="gd-brief-settings-label">{t('briefing.settings.panels')}</div>
      <p className="gd-brief-settings-help">{t('briefing.settings.panelsHelp')}</p>
      <ol className="gd-brief-settings-panels">
        {order.map((p, i) => (
          <li key={p} data-testid={`briefing-settings-panel-${p}`}>
            <Checkbox
              checked={shown.has(p)}
              onChange={(e) =>
                setShown((s) => {
                  const next = new Set(s);
                  if (e.target.checked) next.add(p);
                  else next.delete(p);
                  return next;
                })
              }
            >
              {t(`briefing.panel.${p}`)}
            </Checkbox>
            <Button size="small" icon={<ArrowUpOutlined />} aria-label={t('briefing.settings.up')} disabled={i === 0} onClick={() => move(i, -1)} />
            <Button size="small" icon={<ArrowDownOutlined />} aria-label={t('briefing.settings.down')} disabled={i === order.length - 1} onClick={() => move(i, 1)} />
          </li>
        ))}
      </ol>
      <label className="gd-brief-settings-row">
        <span>{t('briefing.settings.rotate')}</span>
        <Switch checked={rotate} onChange={setRotate} data-testid="briefing-settings-rotate" />
      </label>
      <label className="gd-brief-settings-row">
        <span>{t('briefing.settings.interval')}</span>
        <InputNumber min={BRIEFING_INTERVAL.min} max={BRIEFING_INTERVAL.max} value={interval} onChange={setIntervalSeconds} data-testid="briefing-settings-interval" />
      </label>
      <label className="gd-brief-settings-row">
        <span>{t('briefing.settings.staleAfter')}</span>
        <InputNumber min={BRIEFING_STALE_AFTER.min} max={BRIEFING_STALE_AFTER.max} value={staleAfter} onChange={setStaleAfter} data-testid="briefing-settings-stale" />
      </label>
      <FormErrorAlert error={save.error} testId="briefing-settings-error" />
    </Modal>
  );
}
