// A strict RFC 4180 reader for checking what the exporters write: records end in CRLF, a field is
// either bare (no quote, CR or LF in it) or quoted with "" for a quote. Anything else throws, so a
// sloppy writer fails the test instead of being read generously the way spreadsheets would.

export function parseCsv(text: string): string[][] {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (!body.endsWith('\r\n')) throw new Error('CSV must end with CRLF');
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  while (i < body.length) {
    let field = '';
    if (body[i] === '"') {
      i += 1;
      for (;;) {
        if (i >= body.length) throw new Error('unterminated quoted field');
        if (body[i] === '"') {
          if (body[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        field += body[i];
        i += 1;
      }
    } else {
      while (i < body.length && body[i] !== ',' && body[i] !== '\r') {
        if (body[i] === '"' || body[i] === '\n')
          throw new Error(`bare field has ${JSON.stringify(body[i])} at ${i}`);
        field += body[i];
        i += 1;
      }
    }
    record.push(field);
    if (body[i] === ',') {
      i += 1;
    } else if (body.startsWith('\r\n', i)) {
      records.push(record);
      record = [];
      i += 2;
    } else {
      throw new Error(`expected , or CRLF at ${i}`);
    }
  }
  return records;
}
