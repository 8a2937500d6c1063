import { Button, Checkbox, Switch } from 'antd';
import { useT } from '../../i18n';
import { availabilityText, DAY_PARTS, hasPart, partMask, togglePart } from './availability';

const EMPTY_WEEK = [0, 0, 0, 0, 0, 0, 0];

/**
 * 每周空闲时间: days × 上午 / 下午 / 晚上, written as the staffing rule reads it (seven 24-bit masks,
 * Monday first, on the person). Off means nothing declared (any time). Hours set outside the three
 * parts (a night shift's early hours) are kept as they are and shown in the line under the grid; a part
 * free only in some of its hours shows half ticked, and ticking it frees the whole part.
 */
export function AvailabilityGrid({ value, onChange, readOnly }: { value: number[] | null; onChange?(week: number[] | null): void; readOnly?: boolean }) {
  const t = useT();
  const declared = value !== null;
  return (
    <div className="gd-availability" data-testid="availability-grid">
      {!readOnly && (
        <div className="gd-availability-switch">
          <Switch size="small" checked={declared} onChange={(on) => onChange?.(on ? EMPTY_WEEK : null)} data-testid="availability-declare" /> {t('volunteers.availability.declare')}
        </div>
      )}
      {declared && (
        <table className="gd-availability-table">
          <thead>
            <tr>
              <th />
              {value.map((_, day) => (
                <th key={day}>{t(`volunteers.day.${day}` as 'volunteers.day.0')}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {DAY_PARTS.map((p) => (
              <tr key={p.key}>
                <th>{t(`volunteers.availability.${p.key}`)}</th>
                {value.map((mask, day) => (
                  <td key={day}>
                    <Checkbox
                      checked={hasPart(mask, p.key)}
                      indeterminate={!hasPart(mask, p.key) && (mask & partMask(p.key)) !== 0}
                      disabled={readOnly}
                      onChange={(e) => onChange?.(togglePart(value, day, p.key, e.target.checked))}
                      data-testid={`availability-${day}-${p.key}`}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="gd-muted" data-testid="availability-text">
        {availabilityText(value, t)}
        {!readOnly && declared && <> · {t('volunteers.availability.hint')}</>}
      </div>
      {!readOnly && declared && (
        <Button size="small" type="link" onClick={() => onChange?.(null)}>
          {t('volunteers.availability.clear')}
        </Button>
      )}
    </div>
  );
}
