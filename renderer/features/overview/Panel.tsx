import type { ReactNode } from 'react';

/** One panel of the overview; later figures (request queue, staffing) join as panels of their own. */
export function Panel({ title, extra, children, testId }: { title: ReactNode; extra?: ReactNode; children: ReactNode; testId: string }) {
  return (
    <section className="gd-ov-panel" data-testid={testId}>
      <header className="gd-ov-panel-head">
        <h2>{title}</h2>
        {extra}
      </header>
      {children}
    </section>
  );
}
