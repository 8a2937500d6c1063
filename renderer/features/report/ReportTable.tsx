import type { ReactNode } from 'react';

/** A small table of the report: plain HTML, so it prints as it shows. */
export function ReportTable({ head, rows, testId }: { head: ReactNode[]; rows: { key: string; cells: ReactNode[] }[]; testId: string }) {
  return (
    <table className="gd-report-table" data-testid={testId}>
      <thead>
        <tr>
          {head.map((h, i) => (
            <th key={i}>{h}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            {r.cells.map((c, i) => (
              <td key={i}>{c}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
