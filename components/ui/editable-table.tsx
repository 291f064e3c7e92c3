import type { ReactNode } from "react";
import { EditableRow } from "./editable";
import { Table, type Column } from "./table";

/**
 * A table of named things, each row with an "Edit" toggle that opens `form` beneath it — when
 * `form` is given, that is, when the member may edit; otherwise the rows are plain.
 */
export function EditableTable<Row extends { id: string; name: string }>({
  caption,
  columns,
  rows,
  cells,
  form,
}: {
  caption: string;
  columns: Column[];
  rows: Row[];
  /** The row's <td>s, before the toggle's. */
  cells: (row: Row) => ReactNode;
  form?: (row: Row) => ReactNode;
}) {
  return (
    <Table caption={caption} columns={columns} actions={Boolean(form)}>
      {rows.map((row) => (
        <EditableRow key={row.id} label={row.name} colSpan={columns.length + 1} cells={cells(row)} form={form ? form(row) : null} />
      ))}
    </Table>
  );
}
