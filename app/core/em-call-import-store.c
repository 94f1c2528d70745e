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

static void
bind_call (EmCallImporter  *self,
           const EmCallRow *row,
           gint64           agent_id)
{
  sqlite3_stmt *stmt = self->insert_call;

  sqlite3_bind_text (stmt, 1, row->text[EM_COL_CALL_ID], row->length[EM_COL_CALL_ID], SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, agent_id);
  sqlite3_bind_int64 (stmt, 3, row->started_at);
  sqlite3_bind_int (stmt, 4, row->utc_offset);
  sqlite3_bind_int64 (stmt, 5, row->duration);
  bind_int_or_null (stmt, 6, row, EM_COL_WAIT, row->wait);
  sqlite3_bind_int (stmt, 7, row->direction);
  bind_text_or_null (stmt, 8, row, EM_COL_CALLER);
  bind_text_or_null (stmt, 9, row, EM_COL_QUEUE);
  bind_int_or_null (stmt, 10, row, EM_COL_SATISFACTION, row->satisfaction);
  bind_int_or_null (stmt, 11, row, EM_COL_RESOLVED, row->resolved);
  bind_int_or_null (stmt, 12, row, EM_COL_TICKET_DUE, row->ticket_due);
  bind_int_or_null (stmt, 13, row, EM_COL_TICKET_CLOSED, row->ticket_closed);
  bind_text_or_null (stmt, 14, row, EM_COL_RECORDING);
  /* ?15, the import, is bound once. */
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

  bind_call (self, row, agent->id);
  rc = sqlite3_step (self->insert_call);
  sqlite3_reset (self->insert_call);

  if (rc != SQLITE_DONE)
    writer_fail_sqlite (self, rc, "storing a call");
  else if (sqlite3_changes (self->handle) == 1)
    {
      self->report->n_imported++;
      remember_call_line (self, sqlite3_last_insert_rowid (self->handle));
      refresh_agent (self, agent, row);
    }
  else
    handle_used_call_id (self, row);
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
      self->current_line = row->line;
      take_problems (self, batch, next_problem, row->n_problems);
      next_problem += row->n_problems;

      if (row->ok)
        store_row (self, row);
      else
        bad_row (self, row);
    }
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

gboolean
em_call_importer_prepare (EmCallImporter  *self,
                          GError         **error)
{
  self->insert_call = em_db_prepare (self->db, insert_call_sql, error);
  if (self->insert_call == NULL)
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
  g_clear_pointer (&self->find_call, sqlite3_finalize);
  g_clear_pointer (&self->find_agent, sqlite3_finalize);
  g_clear_error (&self->error);
}
