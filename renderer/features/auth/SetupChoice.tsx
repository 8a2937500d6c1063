import { Button } from 'antd';
import { ApartmentOutlined, ExperimentOutlined } from '@ant-design/icons';
import { useT } from '../../i18n';
import { AuthShell } from './AuthShell';

export type SetupMode = 'demo' | 'office';

/** First start: the demo street, or this street office's own territory. */
export function SetupChoice({ onChoose }: { onChoose: (mode: SetupMode) => void }) {
  const t = useT();
  return (
    <AuthShell title={t('setup.choice.title')} subtitle={t('setup.choice.subtitle')} testId="setup-choice">
      <div className="gd-setup-choices">
        <Button block size="large" type="primary" icon={<ApartmentOutlined />} onClick={() => onChoose('office')} data-testid="setup-choice-office">
          {t('setup.choice.office')}
        </Button>
        <p className="gd-setup-choice-help">{t('setup.choice.officeHelp')}</p>
        <Button block size="large" icon={<ExperimentOutlined />} onClick={() => onChoose('demo')} data-testid="setup-choice-demo">
          {t('setup.choice.demo')}
        </Button>
        <p className="gd-setup-choice-help">{t('setup.choice.demoHelp')}</p>
      </div>
    </AuthShell>
  );
}
