// COPY … FROM STDIN (text format) on a `pg` client, for the load benchmark's reference writer. No COPY library
// is installed, so this is a minimal `pg` submittable (the interface pg-copy-streams implements): it answers
// the server's CopyInResponse with the rows as CopyData messages and CopyDone, on the client's own
// connection, so it runs inside that client's transaction.

/** One value in COPY's text format: \N for null, backslash escapes for the separators. */
function copyText(value) {
  if (value === null || value === undefined) return '\\N';
  let text;
  if (value instanceof Date) text = value.toISOString();
  else if (Array.isArray(value)) text = arrayLiteral(value);
  else if (typeof value === 'object') text = JSON.stringify(value);
  else if (typeof value === 'boolean') text = value ? 't' : 'f';
  else text = String(value);
  return text.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]);
}

/** A PostgreSQL array literal: {"a","b",NULL}. */
function arrayLiteral(values) {
  const items = values.map((item) =>
    item === null || item === undefined ? 'NULL' : `"${String(item).replace(/["\\]/g, (c) => `\\${c}`)}"`
  );
  return `{${items.join(',')}}`;
}

class CopyFrom {
  constructor(text, lines) {
    this.text = text;
    this.lines = lines;
    this.done = new Promise((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
  }

  submit(connection) {
    connection.query(this.text);
  }

  handleCopyInResponse(connection) {
    // CopyData chunks of about 64 kB.
    let chunk = '';
    for (const line of this.lines) {
      chunk += line;
      if (chunk.length >= 65_536) {
        connection.sendCopyFromChunk(Buffer.from(chunk));
        chunk = '';
      }
    }
    if (chunk !== '') connection.sendCopyFromChunk(Buffer.from(chunk));
    connection.endCopyFrom();
  }

  handleCommandComplete() {}

  handleReadyForQuery() {
    if (this.error) this.reject(this.error);
    else this.resolve();
  }

  handleError(error) {
    this.error = error;
  }
}

/**
 * Copies `rows` (objects keyed by property) into `table` on `client`; `columns` is [[property, column name]]
 * in the order of the COPY column list.
 */
export async function copyRows(client, table, columns, rows) {
  const names = columns.map(([, name]) => `"${name}"`).join(', ');
  const lines = rows.map((row) => `${columns.map(([key]) => copyText(row[key])).join('\t')}\n`);
  const copy = new CopyFrom(`copy "${table}" (${names}) from stdin`, lines);
  client.query(copy);
  await copy.done;
}
