import { useState } from 'react';
import { Tabs } from 'antd';
import { useT } from '../../i18n';
import { VolunteerView } from './VolunteerView';
import { VOLUNTEER_TABS } from './volunteer-tabs';
import './volunteers.css';

/** 志愿者: the registry's tabs; a volunteer's page opens over them and goes back to where the user was. */
export function VolunteersPage() {
  const t = useT();
  const [tab, setTab] = useState(VOLUNTEER_TABS[0]!.key);
  const [open, setOpen] = useState<string | null>(null);
  return (
    <div className="gd-volunteers" data-testid="volunteers-page">
      {open && <VolunteerView id={open} onBack={() => setOpen(null)} />}
      <div hidden={open !== null}>
        <Tabs activeKey={tab} onChange={setTab} items={VOLUNTEER_TABS.map((x) => ({ key: x.key, label: t(x.label), children: x.render(setOpen) }))} />
      </div>
    </div>
  );
}
