/** Template of src/store.ts: this service's items in PostgreSQL through a pg pool. */
export default String.raw`import { Pool, escapeIdentifier } from "pg";
import type { ItemRecord, ItemStore } from "./handlers.js";

export interface PoolSettings {
  maxConnections: number;
  minIdle: number;
  connectionTimeoutMs: number;
  idleTimeoutMs: number;
}

/** Pool sizes and timeouts from the design (seed 003 "PostgreSQL Database", Connection Pooling). */
export function createPool(databaseUrl: string, settings: PoolSettings): Pool {
  return new Pool({
    connectionString: databaseUrl,
    max: settings.maxConnections,
    min: Math.min(settings.minIdle, settings.maxConnections),
    connectionTimeoutMillis: settings.connectionTimeoutMs,
    idleTimeoutMillis: settings.idleTimeoutMs,
  });
}

const COLUMNS = "id, data, created_at, updated_at";

interface ItemRow {
  id: string;
  data: unknown;
  created_at: Date;
  updated_at: Date;
}

function toRecord(row: ItemRow): ItemRecord {
  return { id: row.id, data: row.data, createdAt: row.created_at.toISOString(), updatedAt: row.updated_at.toISOString() };
}

export class PostgresItemStore implements ItemStore {
  private readonly table: string;
  private schema: Promise<void> | null = null;

  constructor(
    private readonly pool: Pool,
    tableName: string,
  ) {
    this.table = escapeIdentifier(tableName);
  }

  /** Readiness: one round trip to the database. */
  async ping(): Promise<void> {
    await this.pool.query("SELECT 1");
  }

  /**
   * Creates the table on first use, so the routes work on an empty database. An advisory lock keeps
   * instances that start together from racing on CREATE TABLE; a failure is retried on the next call.
   */
  private ensureSchema(): Promise<void> {
    this.schema ??= this.createSchema().catch((error: unknown) => {
      this.schema = null;
      throw error;
    });
    return this.schema;
  }

  private async createSchema(): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      await client.query("SELECT pg_advisory_xact_lock(hashtext($1))", [this.table]);
      await client.query(
        "CREATE TABLE IF NOT EXISTS " + this.table + " (" +
          "id text PRIMARY KEY, " +
          "data jsonb NOT NULL, " +
          "created_at timestamptz NOT NULL DEFAULT now(), " +
          "updated_at timestamptz NOT NULL DEFAULT now())",
      );
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  private async rows(sql: string, values: unknown[]): Promise<ItemRow[]> {
    await this.ensureSchema();
    const result = await this.pool.query<ItemRow>(sql, values);
    return result.rows;
  }

  async get(id: string): Promise<ItemRecord | null> {
    const [row] = await this.rows("SELECT " + COLUMNS + " FROM " + this.table + " WHERE id = $1", [id]);
    return row ? toRecord(row) : null;
  }

  async list(limit: number): Promise<ItemRecord[]> {
    const rows = await this.rows("SELECT " + COLUMNS + " FROM " + this.table + " ORDER BY created_at DESC, id LIMIT $1", [limit]);
    return rows.map(toRecord);
  }

  async create(id: string, data: unknown): Promise<ItemRecord | null> {
    const [row] = await this.rows(
      "INSERT INTO " + this.table + " (id, data) VALUES ($1, $2::jsonb) ON CONFLICT (id) DO NOTHING RETURNING " + COLUMNS,
      [id, JSON.stringify(data)],
    );
    return row ? toRecord(row) : null;
  }

  async replace(id: string, data: unknown): Promise<ItemRecord> {
    const [row] = await this.rows(
      "INSERT INTO " + this.table + " (id, data) VALUES ($1, $2::jsonb) " +
        "ON CONFLICT (id) DO UPDATE SET data = EXCLUDED.data, updated_at = now() RETURNING " + COLUMNS,
      [id, JSON.stringify(data)],
    );
    if (!row) throw new Error("PostgreSQL returned no row for an upsert");
    return toRecord(row);
  }

  async merge(id: string, data: unknown): Promise<ItemRecord | null> {
    const [row] = await this.rows(
      "UPDATE " + this.table + " SET data = data || $2::jsonb, updated_at = now() WHERE id = $1 RETURNING " + COLUMNS,
      [id, JSON.stringify(data)],
    );
    return row ? toRecord(row) : null;
  }

  async remove(id: string): Promise<boolean> {
    await this.ensureSchema();
    const result = await this.pool.query("DELETE FROM " + this.table + " WHERE id = $1", [id]);
    return (result.rowCount ?? 0) > 0;
  }
}
`;
