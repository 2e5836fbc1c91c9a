import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationSchema } from './migration-schema';

/**
 * The event store's tables and its append function, in the DataSource's schema.
 *
 * Appending lives in a plpgsql function so that the version check, the last-writer-xid guard, the
 * insert of every event cost one round trip and run under one
 * row lock on the stream. It reports conflicts as a result row instead of raising, so a caller's
 * surrounding transaction stays usable (a command handler can re-read and retry inside it).
 */
export class CreateEventStore1764100000000 implements MigrationInterface {
  /** TypeORM orders migrations by the 13-digit timestamp at the end of this name. */
  name = 'CreateEventStore1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = migrationSchema(queryRunner);

    await queryRunner.query(`
      CREATE TABLE ${s}.streams (
        tenant_id   text        NOT NULL,
        stream_id   text        NOT NULL,
        stream_type text        NOT NULL,
        version     bigint      NOT NULL CHECK (version >= 0),
        last_xid    xid8        NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now(),
        updated_at  timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, stream_id)
      )`);

    await queryRunner.query(`
      CREATE TABLE ${s}.events (
        global_position bigint      GENERATED ALWAYS AS IDENTITY,
        transaction_id  xid8        NOT NULL DEFAULT pg_current_xact_id(),
        tenant_id       text        NOT NULL,
        stream_id       text        NOT NULL,
        stream_position bigint      NOT NULL CHECK (stream_position >= 1),
        event_id        uuid        NOT NULL,
        event_type      text        NOT NULL,
        schema_version  int         NOT NULL CHECK (schema_version >= 1),
        data            jsonb       NOT NULL,
        metadata        jsonb       NOT NULL,
        recorded_at     timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, stream_id, stream_position),
        CONSTRAINT events_event_id_key UNIQUE (event_id)
      )`);
    // The order in which the whole log is read (see readAll); also serves keyset pagination.
    await queryRunner.query(
      `CREATE INDEX events_log_order_idx ON ${s}.events (transaction_id, global_position)`,
    );

    await queryRunner.query(`
      CREATE TABLE ${s}.checkpoints (
        consumer        text        PRIMARY KEY,
        transaction_id  xid8,
        global_position bigint,
        owner_id        text,
        lease_until     timestamptz,
        updated_at      timestamptz NOT NULL DEFAULT now(),
        CHECK ((transaction_id IS NULL) = (global_position IS NULL))
      )`);

    await queryRunner.query(`
      CREATE TABLE ${s}.inbox (
        consumer     text        NOT NULL,
        message_id   text        NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, message_id)
      )`);
    await queryRunner.query(`CREATE INDEX inbox_processed_at_idx ON ${s}.inbox (processed_at)`);

    await queryRunner.query(`
      CREATE TABLE ${s}.idempotency_keys (
        tenant_id       text        NOT NULL,
        key             text        NOT NULL,
        fingerprint     text        NOT NULL,
        state           text        NOT NULL CHECK (state IN ('in-progress', 'done')),
        response_status int,
        response_body   jsonb,
        created_at      timestamptz NOT NULL,
        expires_at      timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, key)
      )`);
    await queryRunner.query(
      `CREATE INDEX idempotency_keys_expires_at_idx ON ${s}.idempotency_keys (expires_at)`,
    );

    // p_expected: NULL = any version, 0 = the stream must not exist, n = the stream is at n.
    await queryRunner.query(`
      CREATE FUNCTION ${s}.append_to_stream(
        p_tenant_id       text,
        p_stream_id       text,
        p_stream_type     text,
        p_expected        bigint,
        p_event_ids       uuid[],
        p_event_types     text[],
        p_schema_versions int[],
        p_data            jsonb[],
        p_metadata        jsonb
      )
      RETURNS TABLE (
        o_outcome          text,
        o_actual_version   bigint,
        o_next_version     bigint,
        o_transaction_id   xid8,
        o_global_positions bigint[]
      )
      LANGUAGE plpgsql
      AS $fn$
      DECLARE
        v_xid       xid8   := pg_current_xact_id();
        v_count     bigint := cardinality(p_event_ids);
        v_version   bigint;
        v_last_xid  xid8;
        v_positions bigint[];
      BEGIN
        IF v_count IS NULL OR v_count = 0 THEN
          RAISE EXCEPTION 'append_to_stream needs at least one event';
        END IF;

        IF p_expected IS NULL THEN
          INSERT INTO ${s}.streams AS st (tenant_id, stream_id, stream_type, version, last_xid)
          VALUES (p_tenant_id, p_stream_id, p_stream_type, v_count, v_xid)
          ON CONFLICT (tenant_id, stream_id) DO UPDATE
            SET version = st.version + v_count, last_xid = v_xid, updated_at = now()
            WHERE st.last_xid <= v_xid
          RETURNING st.version INTO v_version;
        ELSIF p_expected = 0 THEN
          -- A concurrent creator makes this wait for its commit, then do nothing: a conflict.
          INSERT INTO ${s}.streams AS st (tenant_id, stream_id, stream_type, version, last_xid)
          VALUES (p_tenant_id, p_stream_id, p_stream_type, v_count, v_xid)
          ON CONFLICT (tenant_id, stream_id) DO NOTHING
          RETURNING st.version INTO v_version;
        ELSE
          -- Last-writer guard: a transaction whose xid is older than the stream's last writer
          -- would sort before that writer's events in the log, behind its own predecessors.
          UPDATE ${s}.streams AS st
             SET version = st.version + v_count, last_xid = v_xid, updated_at = now()
           WHERE st.tenant_id = p_tenant_id
             AND st.stream_id = p_stream_id
             AND st.version = p_expected
             AND st.last_xid <= v_xid
          RETURNING st.version INTO v_version;
        END IF;

        IF v_version IS NULL THEN
          SELECT st.version, st.last_xid INTO v_version, v_last_xid
            FROM ${s}.streams AS st
           WHERE st.tenant_id = p_tenant_id AND st.stream_id = p_stream_id;
          RETURN QUERY SELECT
            CASE
              WHEN v_last_xid IS NOT NULL AND v_last_xid > v_xid
                   AND (p_expected IS NULL OR v_version = p_expected) THEN 'xid-order'
              ELSE 'version'
            END,
            coalesce(v_version, 0),
            NULL::bigint,
            v_xid,
            NULL::bigint[];
          RETURN;
        END IF;

        WITH inserted AS (
          INSERT INTO ${s}.events
            (transaction_id, tenant_id, stream_id, stream_position, event_id, event_type,
             schema_version, data, metadata)
          SELECT v_xid, p_tenant_id, p_stream_id, v_version - v_count + e.ord, e.event_id,
                 e.event_type, e.schema_version, e.data, p_metadata
            FROM unnest(p_event_ids, p_event_types, p_schema_versions, p_data)
                 WITH ORDINALITY AS e(event_id, event_type, schema_version, data, ord)
           ORDER BY e.ord
          RETURNING global_position, stream_position
        )
        SELECT array_agg(i.global_position ORDER BY i.stream_position) INTO v_positions
          FROM inserted AS i;

        RETURN QUERY SELECT 'ok'::text, v_version - v_count, v_version, v_xid, v_positions;
      END
      $fn$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = migrationSchema(queryRunner);
    await queryRunner.query(
      `DROP FUNCTION ${s}.append_to_stream(text, text, text, bigint, uuid[], text[], int[], jsonb[], jsonb)`,
    );
    await queryRunner.query(`DROP TABLE ${s}.idempotency_keys`);
    await queryRunner.query(`DROP TABLE ${s}.inbox`);
    await queryRunner.query(`DROP TABLE ${s}.checkpoints`);
    await queryRunner.query(`DROP TABLE ${s}.events`);
    await queryRunner.query(`DROP TABLE ${s}.streams`);
  }
}
