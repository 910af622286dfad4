import type { Db } from "./client";

/**
 * A query built and prepared once per database handle, for the few statements every request runs (the session,
 * the access check). On PostgreSQL it becomes a named statement on each connection: one round trip per call and
 * no parsing or planning again, where postgres.js sends an unprepared query with parameters in two (describe,
 * then execute). Values go in through `sql.placeholder(name)`.
 */
export function preparedFor<Q>(build: (db: Db) => Q): (db: Db) => Q {
  const prepared = new WeakMap<Db, Q>();
  return (db) => {
    let query = prepared.get(db);
    if (!query) {
      query = build(db);
      prepared.set(db, query);
    }
    return query;
  };
}
