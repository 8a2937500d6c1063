import type { StatusLook } from './use-status-styles';

/** Select options for statuses: a colour swatch and the label, value = the key. */
export function statusOptions(looks: readonly StatusLook[]) {
  return looks.map((s) => ({
    value: s.key,
    label: (
      <span className="gd-status-option">
        <span className="gd-status-swatch" style={{ background: s.color }} aria-hidden="true" />
        {s.label}
      </span>
    ),
  }));
}
