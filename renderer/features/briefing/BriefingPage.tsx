import { useState } from 'react';
import { Button } from 'antd';
import { LinkOutlined } from '@ant-design/icons';
import { navigate } from '../../app/use-hash-route';
import { landingRoute } from '../../app/routes';
import { isBriefingWindow } from '../../app/window-kind';
import { useT } from '../../i18n';
import { useCan, useSessionUser } from '../auth/session';
import { BriefingScreen } from './BriefingScreen';
import { SnapshotButtons } from './SnapshotButtons';
import { WallDisplaysModal } from './WallDisplaysModal';

/**
 * The 大屏 inside the app. In the operator's window, administrators and leaders set it up and
 * pair wall PCs, and anyone may export today's snapshot; the desktop app's read-only briefing
 * window (where every change is refused) offers none of that, nor a way out.
 */
export function BriefingPage() {
  const t = useT();
  const user = useSessionUser();
  const can = useCan();
  const [pairing, setPairing] = useState(false);
  if (isBriefingWindow()) return <BriefingScreen canConfigure={false} />;
  const configure = can('briefing.configure');
  const tools = (
    <>
      <SnapshotButtons />
      {configure ? (
        <Button type="text" icon={<LinkOutlined />} onClick={() => setPairing(true)} data-testid="briefing-wall-open">
          {t('wall.manage')}
        </Button>
      ) : null}
      {pairing ? <WallDisplaysModal onClose={() => setPairing(false)} /> : null}
    </>
  );
  return <BriefingScreen canConfigure={configure} tools={tools} onExit={() => navigate(landingRoute(user.role))} />;
}
