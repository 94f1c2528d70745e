/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "em-call-import"

#include "config.h"

#include <glib/gi18n.h>

#include "em-call-import-private.h"
#include "em-error.h"

/* The writer of the call import: it takes the parser's batches of checked
 * rows and stores them, in its own thread, on the connection the parser
 * opened the transaction on (the parser does not touch it meanwhile).
 *
 * A call id already stored by this import means a repeat inside the file;
 * one stored by an earlier import, a duplicate.  The line of each call this
 * import stored is kept by row id (4 bytes a call), so that a repeat can
 * name the line it repeats.
 */

/* What the writer knows of an agent, so that each agent is looked up once
 * and only written again when a row brings a new name or team.
 */
typedef struct
{
  gint64  id;
  char   *name;
  gint64  team_id;
} AgentEntry;

/* Problems and failures */

static void
store_problem (EmCallImporter *self,
               EmCallColumn    col,
               char           *reason)
{
  EmCallImportProblem problem = { self->current_line, (char *) self->column_name[col], reason };

  g_array_append_val (self->report->problems, problem);
}

static void
writer_fail (EmCallImporter *self,
             GError         *error)
{
  if (self->error == NULL)
    self->error = error;
  else
    g_error_free (error);

  g_atomic_int_set (&self->writer_failed, TRUE);
}

static void
writer_fail_sqlite (EmCallImporter *self,
                    int             rc,
                    const char     *what)
{
  GError *error = NULL;

  em_db_set_error (self->db, &error, rc, what);
  writer_fail (self, error);
}

/* Agents and teams */

static void
agent_entry_free (gpointer data)
{
  AgentEntry *entry = data;

  g_free (entry->name);
  g_free (entry);
}

static gint64
team_id_for (EmCallImporter *self,
             const char     *name)
{
  gint64 *cached = g_hash_table_lookup (self->teams, name);
  GError *error = NULL;
  gint64 id;

  if (cached != NULL)
    return *cached;

  if (!(id = em_db_ensure_team (self->db, name, &error)))
    {
      writer_fail (self, error);
      return 0;
    }

  g_hash_table_insert (self->teams, g_strdup (name), g_memdup2 (&id, sizeof id));
  return id;
}

/* The agent as the database knows it, or NULL: the agent is new, or the
 * lookup failed (self->error).
 */
static AgentEntry *
lookup_agent (EmCallImporter  *self,
              const EmCallRow *row)
{
  const char *code = row->text[EM_COL_AGENT_CODE];
  AgentEntry *entry = g_hash_table_lookup (self->agents, code);
  int rc;

  if (entry != NULL)
    return entry;

  sqlite3_bind_text (self->find_agent, 1, code, row->length[EM_COL_AGENT_CODE], SQLITE_STATIC);
  rc = sqlite3_step (self->find_agent);

  if (rc == SQLITE_ROW)
    {
      entry = g_new0 (AgentEntry, 1);
      entry->id = sqlite3_column_int64 (self->find_agent, 0);
      entry->name = g_strdup ((const char *) sqlite3_column_text (self->find_agent, 1));
      entry->team_id = sqlite3_column_int64 (self->find_agent, 2);
      g_hash_table_insert (self->agents, g_strdup (code), entry);
    }
  else if (rc != SQLITE_DONE)
    writer_fail_sqlite (self, rc, "looking up an agent");

  sqlite3_reset (self->find_agent);
  return entry;
}

/* A new agent, with the row's name and team. */
static AgentEntry *
create_agent (EmCallImporter  *self,
              const EmCallRow *row)
{
  const char *team = row->text[EM_COL_TEAM];
  gint64 team_id = *team != '\0' ? team_id_for (self, team) : 0;
  AgentEntry *entry;
  GError *error = NULL;
  gint64 id;

  if (self->error != NULL)
    return NULL;

  id = em_db_ensure_agent (self->db, row->text[EM_COL_AGENT_CODE], row->text[EM_COL_AGENT_NAME],
                           team_id, &error);
  if (id == 0)
    {
      writer_fail (self, error);
      return NULL;
    }

  entry = g_new0 (AgentEntry, 1);
  entry->id = id;
  entry->name = g_strdup (row->text[EM_COL_AGENT_NAME]);
  entry->team_id = team_id;
  g_hash_table_insert (self->agents, g_strdup (row->text[EM_COL_AGENT_CODE]), entry);

  return entry;
}

/* The newest file knows the agent's current name and team; only rows that
 * were stored may change them.
 */
static void
refresh_agent (EmCallImporter  *self,
               AgentEntry      *entry,
               const EmCallRow *row)
{
  const char *name = row->text[EM_COL_AGENT_NAME];
  const char *team = row->text[EM_COL_TEAM];
  gboolean new_name = *name != '\0' && !g_str_equal (name, entry->name);
  gint64 team_id = *team != '\0' ? team_id_for (self, team) : entry->team_id;
  GError *error = NULL;

  if (self->error != NULL || (!new_name && team_id == entry->team_id))
    return;

  if (!em_db_ensure_agent (self->db, row->text[EM_COL_AGENT_CODE], name, team_id, &error))
    {
      writer_fail (self, error);
      return;
    }

  if (new_name)
    {
      g_free (entry->name);
      entry->name = g_strdup (name);
    }
  entry->team_id = team_id;
}

/* Storing */

static void
bind_text_or_null (sqlite3_stmt    *stmt,
                   int              index,
                   const EmCallRow *row,
                   EmCallColumn     col)
{
  if (row->length[col] > 0)
    sqlite3_bind_text (stmt, index, row->text[col], row->length[col], SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, index);
}

static void
bind_int_or_null (sqlite3_stmt    *stmt,
                  int              index,
                  const EmCallRow *row,
                  EmCallColumn     col,
                  gint64           value)
{
  if (row->present & (1u << col))
    sqlite3_bind_int64 (stmt, index, value);
  else
    sqlite3_bind_null (stmt, index);
}

/* Binds the row's 14 values from parameter @first on. */
static void
bind_call (sqlite3_stmt    *stmt,
           int              first,
           const EmCallRow *row,
           gint64           agent_id)
{
  sqlite3_bind_text (stmt, first, row->text[EM_COL_CALL_ID], row->length[EM_COL_CALL_ID], SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, first + 1, agent_id);
  sqlite3_bind_int64 (stmt, first + 2, row->started_at);
  sqlite3_bind_int (stmt, first + 3, row->utc_offset);
  sqlite3_bind_int64 (stmt, first + 4, row->duration);
  bind_int_or_null (stmt, first + 5, row, EM_COL_WAIT, row->wait);
  sqlite3_bind_int (stmt, first + 6, row->direction);
  bind_text_or_null (stmt, first + 7, row, EM_COL_CALLER);
  bind_text_or_null (stmt, first + 8, row, EM_COL_QUEUE);
  bind_int_or_null (stmt, first + 9, row, EM_COL_SATISFACTION, row->satisfaction);
  bind_int_or_null (stmt, first + 10, row, EM_COL_RESOLVED, row->resolved);
  bind_int_or_null (stmt, first + 11, row, EM_COL_TICKET_DUE, row->ticket_due);
  bind_int_or_null (stmt, first + 12, row, EM_COL_TICKET_CLOSED, row->ticket_closed);
  bind_text_or_null (stmt, first + 13, row, EM_COL_RECORDING);
}

static void
remember_call_line (EmCallImporter *self,
                    gint64          call_id)
{
  gint64 index;

  if (self->first_call_id == 0)
    self->first_call_id = call_id;

  /* Row ids are consecutive inside our write transaction; anything else
   * only costs the line number in a message.
   */
  index = call_id - self->first_call_id;
  if (index >= 0 && index < G_MAXUINT32)
    {
      if ((guint64) index >= self->call_lines->len)
        g_array_set_size (self->call_lines, index + 1);
      g_array_index (self->call_lines, guint, index) = self->current_line;
    }
}

static guint
line_of_stored_call (EmCallImporter *self,
                     gint64          call_id)
{
  gint64 index = call_id - self->first_call_id;

  if (self->first_call_id == 0 || index < 0 || index >= self->call_lines->len)
    return 0;

  return g_array_index (self->call_lines, guint, index);
}

static void
stored (EmCallImporter  *self,
        const EmCallRow *row,
        AgentEntry      *agent,
        gint64           call_id)
{
  self->report->n_imported++;
  self->max_call_id = MAX (self->max_call_id, call_id);
  remember_call_line (self, call_id);
  refresh_agent (self, agent, row);
}

static void
add_repeat_problem (EmCallImporter  *self,
                    const EmCallRow *row,
                    guint            first_line)
{
  g_autofree char *quoted = em_call_import_quote_value (row->text[EM_COL_CALL_ID]);

  if (first_line > 0)
    store_problem (self, EM_COL_CALL_ID,
                   g_strdup_printf (_("the call id '%s' is already used on line %u"),
                                    quoted, first_line));
  else
    store_problem (self, EM_COL_CALL_ID,
                   g_strdup_printf (_("the call id '%s' is already used earlier in the file"),
                                    quoted));
}

static void
remember_not_stored (EmCallImporter  *self,
                     const EmCallRow *row)
{
  const char *call_id = row->text[EM_COL_CALL_ID];

  if (g_hash_table_contains (self->not_stored, call_id))
    return;

  g_hash_table_insert (self->not_stored,
                       g_string_chunk_insert_len (self->not_stored_ids, call_id,
                                                  row->length[EM_COL_CALL_ID]),
                       GUINT_TO_POINTER (self->current_line));
}

/* Whether a row of this file already used the call id (and on which line,
 * 0 if unknown); if not, whether the database has it from before.
 */
static gboolean
find_earlier_use (EmCallImporter  *self,
                  const EmCallRow *row,
                  guint           *out_line,
                  gboolean        *out_in_database)
{
  gpointer line = NULL;
  int rc;

  *out_in_database = FALSE;

  if (g_hash_table_lookup_extended (self->not_stored, row->text[EM_COL_CALL_ID], NULL, &line))
    {
      *out_line = GPOINTER_TO_UINT (line);
      return TRUE;
    }

  sqlite3_bind_text (self->find_call, 1, row->text[EM_COL_CALL_ID], row->length[EM_COL_CALL_ID],
                     SQLITE_STATIC);
  rc = sqlite3_step (self->find_call);

  if (rc == SQLITE_ROW && sqlite3_column_int64 (self->find_call, 1) == self->import_id)
    {
      *out_line = line_of_stored_call (self, sqlite3_column_int64 (self->find_call, 0));
      sqlite3_reset (self->find_call);
      return TRUE;
    }

  *out_in_database = rc == SQLITE_ROW;
  sqlite3_reset (self->find_call);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    writer_fail_sqlite (self, rc, "looking up a call");

  return FALSE;
}

static void
bad_row (EmCallImporter  *self,
         const EmCallRow *row)
{
  guint first_line = 0;
  gboolean in_database;

  self->report->n_bad_rows++;

  if (row->length[EM_COL_CALL_ID] == 0)
    return;

  if (find_earlier_use (self, row, &first_line, &in_database))
    add_repeat_problem (self, row, first_line);
  else
    remember_not_stored (self, row);
}

/* A row whose call id this file used before, or which is already in the
 * database: it is not stored.  Returns TRUE if it was one of those (or the
 * lookup failed).
 */
static gboolean
handle_used_call_id (EmCallImporter  *self,
                     const EmCallRow *row)
{
  guint first_line = 0;
  gboolean in_database = FALSE;

  if (find_earlier_use (self, row, &first_line, &in_database))
    {
      add_repeat_problem (self, row, first_line);
      self->report->n_bad_rows++;
      return TRUE;
    }

  if (in_database)
    {
      self->report->n_duplicates++;
      remember_not_stored (self, row);
      return TRUE;
    }

  return self->error != NULL;
}

static void
store_row (EmCallImporter  *self,
           const EmCallRow *row)
{
  AgentEntry *agent;
  int rc;

  /* A call id after a bad row or after a call already in the database. */
  if (g_hash_table_size (self->not_stored) > 0 &&
      g_hash_table_contains (self->not_stored, row->text[EM_COL_CALL_ID]))
    {
      handle_used_call_id (self, row);
      return;
    }

  /* An agent is only created for a call that will be stored. */
  if ((agent = lookup_agent (self, row)) == NULL)
    {
      if (self->error != NULL || handle_used_call_id (self, row))
        return;
      if ((agent = create_agent (self, row)) == NULL)
        return;
    }

  bind_call (self->insert_call, 1, row, agent->id);   /* ?15, the import, is bound once */
  rc = sqlite3_step (self->insert_call);
  sqlite3_reset (self->insert_call);

  if (rc != SQLITE_DONE)
    writer_fail_sqlite (self, rc, "storing a call");
  else if (sqlite3_changes (self->handle) == 1)
    stored (self, row, agent, sqlite3_last_insert_rowid (self->handle));
  else
    handle_used_call_id (self, row);
}

/* Chunks: most rows are stored up to EM_CALL_CHUNK_ROWS at a time, by a
 * multi-row INSERT, which costs SQLite far less than as many one-row
 * statements (bench/bench-import).  Only rows of agents already known,
 * whose call id no bad or unstored row used, join a chunk; any other row
 * first stores the rows waiting, so that every row is still handled in
 * file order.
 *
 * The INSERT is OR IGNORE, not ON CONFLICT DO NOTHING: SQLite gives a
 * statement that may abort half-way (a NOT NULL or CHECK constraint) a
 * journal of its own, which would copy every page it touches; the parser
 * has checked every value those constraints check.  New row ids are the
 * highest so far plus one, in VALUES order, so when some rows were not
 * stored (their call id was used), the ones that were are read back by
 * id, and the others are told apart as store_row() does.
 */

/* A row of the chunk that the INSERT ignored: its call id was used (as
 * store_row() handles it), or a constraint refused it, which the parser's
 * checks should have prevented.
 */
static void
not_stored (EmCallImporter  *self,
            const EmCallRow *row)
{
  GError *error = NULL;

  if (handle_used_call_id (self, row))
    return;

  g_set_error (&error, EM_ERROR, EM_ERROR_DATABASE, _("Database error while %s: %s"),
               "storing a call", sqlite3_errstr (SQLITE_CONSTRAINT));
  writer_fail (self, error);
}

/* After an INSERT of @n rows from @first that stored fewer: the new
 * calls, in id order, are the rows it stored, in row order.
 */
static void
sort_out_chunk (EmCallImporter *self,
                guint           first,
                guint           n,
                gint64          max_before)
{
  sqlite3_stmt *stmt = self->list_new_calls;
  int rc;

  sqlite3_bind_int64 (stmt, 1, max_before);
  rc = sqlite3_step (stmt);

  for (guint i = first; i < first + n && self->error == NULL; i++)
    {
      const EmCallRow *row = self->chunk[i];

      self->current_line = row->line;
      if (rc == SQLITE_ROW && g_str_equal ((const char *) sqlite3_column_text (stmt, 1),
                                           row->text[EM_COL_CALL_ID]))
        {
          stored (self, row, self->chunk_agent[i], sqlite3_column_int64 (stmt, 0));
          rc = sqlite3_step (stmt);
        }
      else
        not_stored (self, row);
    }

  if (rc != SQLITE_ROW && rc != SQLITE_DONE && self->error == NULL)
    writer_fail_sqlite (self, rc, "storing calls");
  sqlite3_reset (stmt);
}

static void
insert_rows (EmCallImporter *self,
             sqlite3_stmt   *stmt,
             guint           first,
             guint           n)
{
  gint64 max_before = self->max_call_id;
  int rc;

  for (guint i = 0; i < n; i++)
    bind_call (stmt, 2 + 14 * i, self->chunk[first + i],
               ((AgentEntry *) self->chunk_agent[first + i])->id);

  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      writer_fail_sqlite (self, rc, "storing calls");
      return;
    }

  if ((guint) sqlite3_changes (self->handle) < n)
    {
      sort_out_chunk (self, first, n, max_before);
      return;
    }

  for (guint i = 0; i < n && self->error == NULL; i++)
    {
      self->current_line = self->chunk[first + i]->line;
      stored (self, self->chunk[first + i], self->chunk_agent[first + i], max_before + 1 + i);
    }
}

/* Stores the rows waiting: as many as possible by the biggest INSERTs,
 * the last few one by one.
 */
static void
flush_chunk (EmCallImporter *self)
{
  guint done = 0;

  for (guint k = 0; k < EM_CALL_N_INSERTS; k++)
    for (; self->n_chunk - done >= self->n_insert_rows[k] && self->error == NULL;
         done += self->n_insert_rows[k])
      insert_rows (self, self->insert_rows[k], done, self->n_insert_rows[k]);

  for (; done < self->n_chunk && self->error == NULL; done++)
    {
      self->current_line = self->chunk[done]->line;
      store_row (self, self->chunk[done]);
    }

  self->n_chunk = 0;
}

/* Whether @row can wait in the chunk; if so it is added. */
static gboolean
add_to_chunk (EmCallImporter  *self,
              const EmCallRow *row)
{
  AgentEntry *agent;

  if (!row->ok || row->n_problems > 0 || self->no_chunks ||
      (g_hash_table_size (self->not_stored) > 0 &&
       g_hash_table_contains (self->not_stored, row->text[EM_COL_CALL_ID])) ||
      !(agent = g_hash_table_lookup (self->agents, row->text[EM_COL_AGENT_CODE])))
    return FALSE;

  self->chunk[self->n_chunk] = row;
  self->chunk_agent[self->n_chunk] = agent;
  if (++self->n_chunk == EM_CALL_CHUNK_ROWS)
    flush_chunk (self);

  return TRUE;
}

/* Batches */

static EmCallBatch *
batch_new (void)
{
  EmCallBatch *batch = g_new0 (EmCallBatch, 1);

  batch->text = g_string_sized_new (EM_CALL_BATCH_ROWS * 128);
  batch->rows = g_array_sized_new (FALSE, FALSE, sizeof (EmCallRow), EM_CALL_BATCH_ROWS);
  batch->problems = g_array_new (FALSE, FALSE, sizeof (EmCallImportProblem));

  return batch;
}

/* Problems the writer did not take (after a fatal error) die here. */
static void
batch_reset (EmCallBatch *batch)
{
  for (guint i = 0; i < batch->problems->len; i++)
    g_free (g_array_index (batch->problems, EmCallImportProblem, i).reason);

  g_string_truncate (batch->text, 0);
  g_array_set_size (batch->rows, 0);
  g_array_set_size (batch->problems, 0);
  batch->last = FALSE;
}

static void
em_call_batch_free (EmCallBatch *batch)
{
  batch_reset (batch);
  g_string_free (batch->text, TRUE);
  g_array_unref (batch->rows);
  g_array_unref (batch->problems);
  g_free (batch);
}

static void
take_problems (EmCallImporter *self,
               EmCallBatch    *batch,
               guint           first,
               guint           n)
{
  EmCallImportProblem *problems = &g_array_index (batch->problems, EmCallImportProblem, first);

  g_array_append_vals (self->report->problems, problems, n);
  for (guint i = 0; i < n; i++)
    problems[i].reason = NULL;
}

static void
store_batch (EmCallImporter *self,
             EmCallBatch    *batch)
{
  guint next_problem = 0;

  for (guint i = 0; i < batch->rows->len && self->error == NULL; i++)
    {
      EmCallRow *row = &g_array_index (batch->rows, EmCallRow, i);

      em_call_row_resolve_text (row, batch->text);
      if (add_to_chunk (self, row))
        continue;

      flush_chunk (self);
      self->current_line = row->line;
      take_problems (self, batch, next_problem, row->n_problems);
      next_problem += row->n_problems;

      if (row->ok)
        store_row (self, row);
      else
        bad_row (self, row);
    }

  /* The chunk's rows live in this batch. */
  flush_chunk (self);
}

static gpointer
writer_main (gpointer data)
{
  EmCallImporter *self = data;
  gboolean last = FALSE;

  while (!last)
    {
      EmCallBatch *batch = g_async_queue_pop (self->full_batches);

      last = batch->last;
      if (self->error == NULL)
        store_batch (self, batch);
      batch_reset (batch);
      g_async_queue_push (self->free_batches, batch);
    }

  return NULL;
}

/* Gives the writer the parser's batch.  Without a writer thread (it could
 * not be started) the parser stores the batch itself.
 */
void
em_call_importer_hand_over (EmCallImporter *self,
                            gboolean        last)
{
  if (self->writer == NULL)
    {
      if (self->error == NULL)
        store_batch (self, self->batch);
      batch_reset (self->batch);
      return;
    }

  self->batch->last = last;
  g_async_queue_push (self->full_batches, g_steal_pointer (&self->batch));
  if (!last)
    self->batch = g_async_queue_pop (self->free_batches);
}

void
em_call_importer_start_writer (EmCallImporter *self)
{
  self->full_batches = g_async_queue_new ();
  self->free_batches = g_async_queue_new_full ((GDestroyNotify) em_call_batch_free);

  self->batch = batch_new ();
  for (guint i = 1; i < EM_CALL_N_BATCHES; i++)
    g_async_queue_push (self->free_batches, batch_new ());

  self->writer = g_thread_try_new ("em-call-import", writer_main, self, NULL);
}

void
em_call_importer_stop_writer (EmCallImporter *self)
{
  em_call_importer_hand_over (self, TRUE);

  if (self->writer != NULL)
    g_thread_join (g_steal_pointer (&self->writer));
}

static const char insert_call_sql[] =
  "INSERT INTO calls (external_id, agent_id, started_at, utc_offset, duration_s, wait_s, "
  "  direction, caller, queue, satisfaction, resolved, ticket_due, ticket_closed, "
  "  recording, import_id) "
  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15) "
  "ON CONFLICT (external_id) DO NOTHING";

/* An INSERT OR IGNORE of @n rows: ?1 is the import, each row's 14
 * values follow.
 */
static char *
build_insert_rows_sql (guint n)
{
  GString *sql = g_string_new ("INSERT OR IGNORE INTO calls (external_id, agent_id, started_at, "
                               "  utc_offset, duration_s, wait_s, direction, caller, queue, "
                               "  satisfaction, resolved, ticket_due, ticket_closed, recording, "
                               "  import_id) VALUES ");

  for (guint i = 0; i < n; i++)
    {
      g_string_append (sql, i > 0 ? ", (" : "(");
      for (guint j = 0; j < 14; j++)
        g_string_append_printf (sql, "?%u, ", 2 + 14 * i + j);
      g_string_append (sql, "?1)");
    }

  return g_string_free (sql, FALSE);
}

static gboolean
prepare_chunks (EmCallImporter  *self,
                GError         **error)
{
  static const guint sizes[EM_CALL_N_INSERTS] = { EM_CALL_CHUNK_ROWS, 32, 4 };
  g_autoptr(sqlite3_stmt) max_id = NULL;

  for (guint k = 0; k < EM_CALL_N_INSERTS; k++)
    {
      g_autofree char *sql = build_insert_rows_sql (sizes[k]);

      if (!(self->insert_rows[k] = em_db_prepare (self->db, sql, error)))
        return FALSE;
      self->n_insert_rows[k] = sizes[k];
      sqlite3_bind_int64 (self->insert_rows[k], 1, self->import_id);
    }

  if (!(self->list_new_calls = em_db_prepare (self->db,
                                              "SELECT id, external_id FROM calls WHERE id > ?1 ORDER BY id",
                                              error)) ||
      !(max_id = em_db_prepare (self->db, "SELECT coalesce (max (id), 0) FROM calls", error)))
    return FALSE;
  if (sqlite3_step (max_id) != SQLITE_ROW)
    return em_db_set_error (self->db, error, sqlite3_errcode (self->handle), "reading the calls");

  /* Past the largest row id SQLite picks new ones at random. */
  self->max_call_id = sqlite3_column_int64 (max_id, 0);
  self->no_chunks = self->max_call_id > G_MAXINT64 - G_MAXINT32;
  return TRUE;
}

gboolean
em_call_importer_prepare (EmCallImporter  *self,
                          GError         **error)
{
  self->insert_call = em_db_prepare (self->db, insert_call_sql, error);
  if (self->insert_call == NULL || !prepare_chunks (self, error))
    return FALSE;

  self->find_call = em_db_prepare (self->db,
                                   "SELECT id, import_id FROM calls WHERE external_id = ?1",
                                   error);
  if (self->find_call == NULL)
    return FALSE;

  self->find_agent = em_db_prepare (self->db,
                                    "SELECT id, name, coalesce (team_id, 0) FROM agents "
                                    "WHERE code = ?1",
                                    error);
  if (self->find_agent == NULL)
    return FALSE;

  sqlite3_bind_int64 (self->insert_call, 15, self->import_id);
  return TRUE;
}

/* Setting up and finishing */

void
em_call_importer_init_writer (EmCallImporter *self)
{
  self->call_lines = g_array_new (FALSE, TRUE, sizeof (guint));
  self->agents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, agent_entry_free);
  self->teams = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->not_stored = g_hash_table_new (g_str_hash, g_str_equal);
  self->not_stored_ids = g_string_chunk_new (4096);
}

void
em_call_importer_clear_writer (EmCallImporter *self)
{
  g_assert (self->writer == NULL);

  g_clear_pointer (&self->batch, em_call_batch_free);
  g_clear_pointer (&self->free_batches, g_async_queue_unref);
  g_clear_pointer (&self->full_batches, g_async_queue_unref);
  g_clear_pointer (&self->call_lines, g_array_unref);
  g_clear_pointer (&self->agents, g_hash_table_unref);
  g_clear_pointer (&self->teams, g_hash_table_unref);
  g_clear_pointer (&self->not_stored, g_hash_table_unref);
  g_clear_pointer (&self->not_stored_ids, g_string_chunk_free);
  g_clear_pointer (&self->insert_call, sqlite3_finalize);
  for (guint k = 0; k < EM_CALL_N_INSERTS; k++)
    g_clear_pointer (&self->insert_rows[k], sqlite3_finalize);
  g_clear_pointer (&self->list_new_calls, sqlite3_finalize);
  g_clear_pointer (&self->find_call, sqlite3_finalize);
  g_clear_pointer (&self->find_agent, sqlite3_finalize);
  g_clear_error (&self->error);
}
