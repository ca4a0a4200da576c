export type JsonObject = { [k: string]: unknown };

export interface TableColumn {
  name: string;
  type: string;
  format: string;
  description: string;
  priority: number;
}

export interface RowCondition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
}

/** Columns plus a cell builder for one resource; cells always include the priority>0 (wide) columns. */
export interface Printer {
  columns: TableColumn[];
  cells(obj: JsonObject, now: number): unknown[];
  conditions?(obj: JsonObject): RowCondition[] | undefined;
}
