import { useMemo, useState } from 'react';
import { Checkbox, Input, InputNumber, Select } from 'antd';
import { useDraggable } from '@dnd-kit/core';
import { dutyOrigins, type DutyPerson, type ShiftTemplate } from '../../../electron/api';
import { useT } from '../../i18n';
import type { CellRef } from './cell-id';
import { availableFor } from './staffing-dates';

interface Props {
  people: DutyPerson[];
  /** The chosen shift, for "free then" and keyboard assignment. */
  selected: (CellRef & { template: ShiftTemplate }) | null;
  onPick: (person: DutyPerson) => void;
}

function PersonRow({ person, onPick }: { person: DutyPerson; onPick: (p: DutyPerson) => void }) {
  const t = useT();
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: person.id, data: person });
  return (
    <li
      ref={setNodeRef}
      {...listeners}
      {...attributes}
      className={`gd-staff-person${isDragging ? ' gd-staff-person-dragging' : ''}`}
      data-testid="staff-person"
      data-name={person.name}
      data-person={person.id}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          onPick(person);
        } else listeners?.onKeyDown?.(e);
      }}
    >
      <span className="gd-staff-person-name">{person.name}</span>
      <span className="gd-muted">
        {t(`staffing.origin.${person.origin}`)}
        {person.skills.length ? ` · ${person.skills.join('、')}` : ''} · {t('staffing.people.hours', { n: person.weekHours })}
      </span>
    </li>
  );
}

/** The duty roster to drag from: search by name or pinyin initials, filter by origin, skill, availability and hours. */
export function PeoplePanel({ people, selected, onPick }: Props) {
  const t = useT();
  const [text, setText] = useState('');
  const [origin, setOrigin] = useState<string | null>(null);
  const [skill, setSkill] = useState<string | null>(null);
  const [free, setFree] = useState(false);
  const [maxHours, setMaxHours] = useState<number | null>(null);
  const skills = useMemo(() => [...new Set(people.flatMap((p) => p.skills))].sort(), [people]);
  const shown = useMemo(() => {
    const q = text.trim().toLowerCase();
    return people
      .filter((p) => !q || p.name.includes(q) || p.initials.startsWith(q))
      .filter((p) => !origin || p.origin === origin)
      .filter((p) => !skill || p.skills.includes(skill))
      .filter((p) => maxHours === null || p.weekHours <= maxHours)
      .filter((p) => !free || !selected || availableFor(p.availability, selected.date, selected.template.startMinute, selected.template.minutes))
      .sort((a, b) => a.weekHours - b.weekHours || a.name.localeCompare(b.name, 'zh-CN'))
      .slice(0, 200);
  }, [people, text, origin, skill, maxHours, free, selected]);
  return (
    <aside className="gd-staff-people" data-testid="staff-people">
      <h2>{t('staffing.people')}</h2>
      <Input.Search allowClear placeholder={t('staffing.people.search')} value={text} onChange={(e) => setText(e.target.value)} data-testid="staff-people-search" />
      <Select
        allowClear
        placeholder={t('staffing.people.origin')}
        value={origin}
        onChange={(v) => setOrigin(v ?? null)}
        options={dutyOrigins.map((o) => ({ value: o, label: t(`staffing.origin.${o}`) }))}
      />
      <Select allowClear placeholder={t('staffing.people.skill')} value={skill} onChange={(v) => setSkill(v ?? null)} options={skills.map((s) => ({ value: s, label: s }))} />
      <InputNumber min={0} max={168} placeholder={t('staffing.people.maxHours', { n: '…' })} value={maxHours} onChange={(v) => setMaxHours(v ?? null)} style={{ width: '100%' }} />
      <Checkbox checked={free} onChange={(e) => setFree(e.target.checked)} disabled={!selected}>
        {t('staffing.people.available')}
      </Checkbox>
      <div className="gd-muted">{t('staffing.people.hint')}</div>
      <div className="gd-muted">{t('staffing.people.count', { count: shown.length })}</div>
      <ul className="gd-staff-person-list">
        {shown.map((p) => (
          <PersonRow key={p.id} person={p} onPick={onPick} />
        ))}
      </ul>
    </aside>
  );
}
