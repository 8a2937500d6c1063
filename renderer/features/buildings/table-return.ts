let lastQuery = '';

/** The table's last filters, so 「返回楼栋列表」 from a building page lands where the user was. */
export function rememberTableQuery(query: URLSearchParams): void {
  lastQuery = query.toString();
}

export function lastTableQuery(): URLSearchParams {
  return new URLSearchParams(lastQuery);
}
