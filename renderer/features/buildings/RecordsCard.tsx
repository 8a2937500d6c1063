import type { ReactNode } from 'react';
import { Button, Table, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';

interface Props<T> {
  /** `<testId>` on the card; rows are `<rowTestId>-<id>`, the add button `<rowTestId>-add`, the empty note `<rowTestId>s-empty`. */
  testId: string;
  rowTestId: string;
  title: string;
  /** The add button's label, or null when the user cannot add. */
  addLabel: string | null;
  onAdd(): void;
  empty: string;
  rows: T[];
  columns: TableColumnsType<T>;
  /** The card's dialogs. */
  children?: ReactNode;
}

/** A card of the building page listing records (needs, incidents): a title, an add button, the table or a note that there are none. */
export function RecordsCard<T extends { id: string }>({ testId, rowTestId, title, addLabel, onAdd, empty, rows, columns, children }: Props<T>) {
  return (
    <section className="gd-bp-card" data-testid={testId}>
      <div className="gd-bp-card-head">
        <h2>{title}</h2>
        {addLabel !== null ? (
          <Button size="small" icon={<PlusOutlined />} onClick={onAdd} data-testid={`${rowTestId}-add`}>
            {addLabel}
          </Button>
        ) : null}
      </div>
      {rows.length === 0 ? (
        <div className="gd-bp-empty" data-testid={`${rowTestId}s-empty`}>
          {empty}
        </div>
      ) : (
        <Table<T>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={rows}
          pagination={false}
          onRow={(row) => {
            const attrs: Record<string, string> = { 'data-testid': `${rowTestId}-row-${row.id}` };
            return attrs;
          }}
        />
      )}
      {children}
    </section>
  );
}
