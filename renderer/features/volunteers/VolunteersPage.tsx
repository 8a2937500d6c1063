import { useState } from 'react';
import { Tabs } from 'antd';
import { useT } from '../../i18n';
import { replaceHash, useHashLocation } from '../../app/use-hash-route';
import { useCan } from '../auth/session';
import { VolunteerView } from './VolunteerView';
import { VOLUNTEER_TABS } from './volunteer-tabs';
import './volunteers.css';

/** 志愿者: the registry's tabs (the one in view is `?tab=` in the address); a volunteer's page opens over them and goes back to where the user was. */
export function VolunteersPage() {
  const t = useT();
  const can = useCan();
  const tabs = VOLUNTEER_TABS.filter((x) => can(x.permission));
  const asked = useHashLocation().query.get('tab');
  const tab = tabs.find((x) => x.key === asked)?.key ?? tabs[0]?.key;
  const [open, setOpen] = useState<string | null>(null);
  return (
    <div className="gd-volunteers" data-testid="volunteers-page">
      {open && <VolunteerView id={open} onBack={() => setOpen(null)} />}
      <div hidden={open !== null}>
        <Tabs
          activeKey={tab}
          onChange={(key) => replaceHash('volunteers', [], { tab: key })}
          items={tabs.map((x) => ({ key: x.key, label: <span data-testid={`volunteers-tab-${x.key}`}>{t(x.label)}</span>, children: x.render(setOpen) }))}
        />
      </div>
    </div>
  );
}
