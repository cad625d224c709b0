// A hub on PostgreSQL keeps its event log, snapshots and answers in the database; its data folder
// holds nothing. People who add --database-url to a hub (or to the systemd unit and container
// image, which name a data folder by default) reasonably expect the folder to still matter, and a
// flag that does nothing must not do it silently. It is not refused: the unit and the image set
// SITROOM_DATA_DIR for SQLite, and moving them to PostgreSQL should take one variable, not two.

/** The start-up line saying what a named data folder is and is not used for on PostgreSQL. */
export function dataFolderOnPostgresNote(
  dataDir: string,
  namedBy: '--data-dir' | 'SITROOM_DATA_DIR' | null | undefined,
): string | null {
  if (namedBy === null || namedBy === undefined) return null;
  return (
    `store: the event log is in PostgreSQL, so the data folder ${dataDir} ` +
    `(${namedBy}) holds none of it and gets nothing written; the hub only looks there at start for ` +
    'a SQLite log not yet copied in (copy-to-postgres, docs/several-hubs.md).'
  );
}
