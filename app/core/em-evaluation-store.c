/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "em-evaluation"

#include "config.h"

#include <glib/gi18n.h>

#include "em-error.h"
#include "em-evaluation-private.h"
#include "em-evaluation-store.h"
#include "em-problem.h"
#include "em-score-result.h"
#include "em-scorecard-store.h"
#include "em-txn.h"

struct _EmEvaluationStore
{
  GObject     parent_instance;

  EmDb       *db;
  GHashTable *scorecards;   /* version id → EmScorecard; revisions never change once used */
};

G_DEFINE_FINAL_TYPE (EmEvaluationStore, em_evaluation_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DB,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define ROW_COLUMNS \
  "SELECT id, call_id, scorecard_version_id, inspector, status, total, fatal, excluded, " \
  "created_at, updated_at, coalesce (submitted_at, 0), coalesce (finalised_at, 0), answers " \
  "FROM evaluations "

static void
em_evaluation_store_dispose (GObject *object)
{
  EmEvaluationStore *self = (EmEvaluationStore *) object;

  g_clear_pointer (&self->scorecards, g_hash_table_unref);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (em_evaluation_store_parent_class)->dispose (object);
}

static void
em_evaluation_store_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  EmEvaluationStore *self = EM_EVALUATION_STORE (object);

  switch (prop_id)
    {
    case PROP_DB:
      g_value_set_object (value, self->db);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
em_evaluation_store_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  EmEvaluationStore *self = EM_EVALUATION_STORE (object);

  switch (prop_id)
    {
    case PROP_DB:
      self->db = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
em_evaluation_store_class_init (EmEvaluationStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = em_evaluation_store_dispose;
  object_class->get_property = em_evaluation_store_get_property;
  object_class->set_property = em_evaluation_store_set_property;

  properties[PROP_DB] = g_param_spec_object ("db", NULL, NULL, EM_TYPE_DB,
                                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                             G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
em_evaluation_store_init (EmEvaluationStore *self)
{
  self->scorecards = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
}

EmEvaluationStore *
em_evaluation_store_new (EmDb *db)
{
  g_return_val_if_fail (EM_IS_DB (db), NULL);

  return g_object_new (EM_TYPE_EVALUATION_STORE, "db", db, NULL);
}

/* Returns: (transfer none) */
EmDb *
em_evaluation_store_get_db (EmEvaluationStore *self)
{
  g_return_val_if_fail (EM_IS_EVALUATION_STORE (self), NULL);

  return self->db;
}

/* Returns: (transfer full): the scorecard of a stored revision.  Frozen
 * revisions never change, so they are read once and kept; an unused one
 * may still be edited and is read each time.
 */
EmScorecard *
em_evaluation_store_get_scorecard (EmEvaluationStore  *self,
                                   gint64              version_id,
                                   GError            **error)
{
  g_autoptr(EmScorecardVersionInfo) info = NULL;
  EmScorecard *scorecard;

  g_return_val_if_fail (EM_IS_EVALUATION_STORE (self), NULL);

  if ((scorecard = g_hash_table_lookup (self->scorecards, &version_id)))
    return g_object_ref (scorecard);

  if (!em_scorecard_store_get_info (self->db, version_id, &info, error) ||
      !(scorecard = em_scorecard_store_load_version (self->db, version_id, error)))
    return NULL;

  if (info->frozen)
    g_hash_table_insert (self->scorecards, g_memdup2 (&version_id, sizeof version_id),
                         g_object_ref (scorecard));
  return scorecard;
}

/* Reading -------------------------------------------------------------- */

static void
row_clear (EmEvaluationRow *row)
{
  g_clear_pointer (&row->inspector, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (EmEvaluationRow, row_clear)

static gboolean
read_row (EmEvaluationStore  *self,
          gint64              id,
          EmEvaluationRow    *row,
          char              **out_answers,
          GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = em_db_prepare (self->db, ROW_COLUMNS "WHERE id = ?1", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, EM_ERROR, EM_ERROR_NOT_FOUND,
                   _("There is no evaluation %lld."), (long long) id);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return em_db_set_error (self->db, error, rc, "reading an evaluation");

  row->id = sqlite3_column_int64 (stmt, 0);
  row->call_id = sqlite3_column_int64 (stmt, 1);
  row->version_id = sqlite3_column_int64 (stmt, 2);
  row->inspector = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  row->status = sqlite3_column_int (stmt, 4);
  row->total = sqlite3_column_int64 (stmt, 5);
  row->fatal = sqlite3_column_int (stmt, 6) != 0;
  row->excluded = sqlite3_column_int (stmt, 7) != 0;
  row->created_at = sqlite3_column_int64 (stmt, 8);
  row->updated_at = sqlite3_column_int64 (stmt, 9);
  row->submitted_at = sqlite3_column_int64 (stmt, 10);
  row->finalised_at = sqlite3_column_int64 (stmt, 11);
  if (out_answers != NULL)
    *out_answers = g_strdup ((const char *) sqlite3_column_text (stmt, 12));

  return TRUE;
}

static EmAnswers *
parse_stored_answers (gint64       id,
                      const char  *text,
                      GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = g_strdup_printf ("evaluation %" G_GINT64_FORMAT, id);
  EmAnswers *answers;

  if (!(answers = em_answers_new_from_data (text, -1, name, &local_error)))
    g_set_error (error, EM_ERROR, EM_ERROR_DATABASE_CORRUPT,
                 _("The stored answers of evaluation %lld can no longer be read:\n%s"),
                 (long long) id, local_error->message);

  return answers;
}

static gboolean
check_writable (const EmEvaluationRow  *row,
                GError                **error)
{
  if (row->status != EM_EVALUATION_FINALISED)
    return TRUE;

  g_set_error (error, EM_ERROR, EM_ERROR_READ_ONLY,
               _("Evaluation %lld is finalised and read-only; "
                 "only an appeal can change it."), (long long) row->id);
  return FALSE;
}

/* Writing -------------------------------------------------------------- */

static gboolean
step (EmEvaluationStore  *self,
      sqlite3_stmt       *stmt,
      GError            **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return em_db_set_error (self->db, error, rc, "saving an evaluation");

  return TRUE;
}

static void
bind_optional_int (sqlite3_stmt *stmt,
                   int           column,
                   gboolean      present,
                   gint64        value)
{
  if (present)
    sqlite3_bind_int64 (stmt, column, value);
  else
    sqlite3_bind_null (stmt, column);
}

static void
bind_item (sqlite3_stmt      *stmt,
           const EmItemScore *score,
           EmItemAnswer      *answer)
{
  g_autofree char *moments = answer != NULL ? em_item_answer_format_moments (answer) : NULL;
  const char *note = answer != NULL ? em_item_answer_get_note (answer) : NULL;
  gboolean failed = answer != NULL && em_item_answer_get_result (answer) == EM_ITEM_RESULT_FAIL;

  sqlite3_bind_text (stmt, 2, score->item_id, -1, SQLITE_TRANSIENT);
  if (score->section_id != NULL)
    sqlite3_bind_text (stmt, 3, score->section_id, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 3);
  bind_optional_int (stmt, 4, score->kind == EM_ITEM_KIND_CHECK && !score->na, failed ? 0 : 1);
  sqlite3_bind_int64 (stmt, 5, answer != NULL ? em_item_answer_get_occurrences (answer) : 0);
  sqlite3_bind_int64 (stmt, 6, answer != NULL ? em_item_answer_get_complaint_occurrences (answer) : 0);
  bind_optional_int (stmt, 7, answer != NULL && em_item_answer_get_option (answer) > 0,
                     answer != NULL ? em_item_answer_get_option (answer) : 0);
  bind_optional_int (stmt, 8, answer != NULL && em_item_answer_has_score (answer),
                     answer != NULL ? em_item_answer_get_score (answer) : 0);
  sqlite3_bind_int (stmt, 9, score->triggered);
  sqlite3_bind_int (stmt, 10, score->na);
  if (note != NULL)
    sqlite3_bind_text (stmt, 11, note, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 11);
  if (moments != NULL && *moments != '\0')
    sqlite3_bind_text (stmt, 12, moments, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 12);
  sqlite3_bind_int64 (stmt, 13, score->deduction);
  sqlite3_bind_int64 (stmt, 14, score->bonus);
}

static gboolean
write_item_rows (EmEvaluationStore  *self,
                 gint64              id,
                 EmAnswers          *answers,
                 EmScoreResult      *result,
                 GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(stmt = em_db_prepare (self->db,
                              "INSERT INTO evaluation_items (evaluation_id, item_id, section_id, result, "
                              "occurrences, complaint_occurrences, option_index, score, triggered, na, "
                              "note, moments, deduction, bonus) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
                              error)))
    return FALSE;

  for (guint i = 0; i < em_score_result_get_n_items (result); i++)
    {
      const EmItemScore *score = em_score_result_get_item (result, i);

      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      sqlite3_bind_int64 (stmt, 1, id);
      bind_item (stmt, score, em_answers_lookup_item (answers, score->item_id));
      if (!step (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
write_section_rows (EmEvaluationStore  *self,
                    gint64              id,
                    EmScoreResult      *result,
                    GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(stmt = em_db_prepare (self->db,
                              "INSERT INTO evaluation_sections (evaluation_id, section_id, points, "
                              "deduction, score) VALUES (?1, ?2, ?3, ?4, ?5)",
                              error)))
    return FALSE;

  for (guint i = 0; i < em_score_result_get_n_sections (result); i++)
    {
      const EmSectionScore *section = em_score_result_get_section (result, i);

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, section->section_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 3, section->points);
      sqlite3_bind_int64 (stmt, 4, section->deduction);
      sqlite3_bind_int64 (stmt, 5, section->score);
      if (!step (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* Replaces the per-item and per-section rows. */
static gboolean
write_detail_rows (EmEvaluationStore  *self,
                   gint64              id,
                   EmAnswers          *answers,
                   EmScoreResult      *result,
                   GError            **error)
{
  g_autoptr(sqlite3_stmt) items = NULL;
  g_autoptr(sqlite3_stmt) sections = NULL;

  if (!(items = em_db_prepare (self->db, "DELETE FROM evaluation_items WHERE evaluation_id = ?1", error)) ||
      !(sections = em_db_prepare (self->db, "DELETE FROM evaluation_sections WHERE evaluation_id = ?1", error)))
    return FALSE;

  sqlite3_bind_int64 (items, 1, id);
  sqlite3_bind_int64 (sections, 1, id);

  return step (self, items, error) &&
         step (self, sections, error) &&
         write_item_rows (self, id, answers, result, error) &&
         write_section_rows (self, id, result, error);
}

static gboolean
update_scored (EmEvaluationStore  *self,
               gint64              id,
               gint64              version_id,
               const char         *answers_text,
               EmScoreResult      *result,
               GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(stmt = em_db_prepare (self->db,
                              "UPDATE evaluations SET scorecard_version_id = ?2, total = ?3, fatal = ?4, "
                              "excluded = ?5, answers = ?6, updated_at = ?7 WHERE id = ?1",
                              error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, version_id);
  sqlite3_bind_int64 (stmt, 3, em_score_result_get_total (result));
  sqlite3_bind_int (stmt, 4, em_score_result_get_fatal (result));
  sqlite3_bind_int (stmt, 5, em_score_result_get_excluded (result));
  sqlite3_bind_text (stmt, 6, answers_text, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 7, g_get_real_time () / G_USEC_PER_SEC);

  return step (self, stmt, error);
}

/* Scores @answers against revision @version_id; a problem with them is
 * EM_ERROR_INVALID_INPUT.
 */
static EmScoreResult *
score (EmEvaluationStore    *self,
       gint64                version_id,
       EmAnswers            *answers,
       EmAnswersCheckFlags   flags,
       GError              **error)
{
  g_autoptr(EmScorecard) scorecard = NULL;

  if (!(scorecard = em_evaluation_store_get_scorecard (self, version_id, error)))
    return NULL;

  return em_score_result_new (scorecard, answers, flags, _("answers"), error);
}

/* Audit details ------------------------------------------------------- */

static char *
item_signature (EmItemAnswer *answer)
{
  g_autofree char *moments = NULL;

  if (answer == NULL || em_item_answer_is_empty (answer))
    return NULL;

  moments = em_item_answer_format_moments (answer);
  return g_strdup_printf ("%d|%u|%u|%u|%" G_GINT64_FORMAT "|%d|%s|%s",
                          em_item_answer_get_result (answer),
                          em_item_answer_get_occurrences (answer),
                          em_item_answer_get_complaint_occurrences (answer),
                          em_item_answer_get_option (answer),
                          em_item_answer_get_score (answer),
                          em_item_answer_get_triggered (answer),
                          moments,
                          em_item_answer_get_note (answer) ? em_item_answer_get_note (answer) : "");
}

static void
collect_changed (EmAnswers  *from,
                 EmAnswers  *to,
                 GPtrArray  *changed)
{
  GListModel *items = em_answers_get_items (from);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(EmItemAnswer) answer = g_list_model_get_item (items, i);
      const char *id = em_item_answer_get_item_id (answer);
      g_autofree char *a = item_signature (answer);
      g_autofree char *b = item_signature (em_answers_lookup_item (to, id));

      if (g_strcmp0 (a, b) != 0 && !g_ptr_array_find_with_equal_func (changed, id, g_str_equal, NULL))
        g_ptr_array_add (changed, (gpointer) id);
    }
}

/* “total 100.00 → 88.00; changed: a, b; excluded” */
static char *
describe_change (const char  *old_text,
                 EmPoints     old_total,
                 EmAnswers   *answers,
                 EmPoints     new_total)
{
  g_autoptr(GPtrArray) problems = em_problems_new ();
  g_autoptr(EmAnswers) old = em_answers_parse (old_text, strlen (old_text), problems);
  g_autoptr(GPtrArray) changed = g_ptr_array_new ();
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *before = em_points_format_fixed (old_total);
  g_autofree char *after = em_points_format_fixed (new_total);

  g_string_append_printf (out, "total %s → %s", before, after);
  if (old == NULL)
    return g_string_free (g_steal_pointer (&out), FALSE);

  collect_changed (answers, old, changed);
  collect_changed (old, answers, changed);
  for (guint i = 0; i < changed->len; i++)
    g_string_append_printf (out, "%s%s", i == 0 ? "; changed: " : ", ",
                            (const char *) g_ptr_array_index (changed, i));

  if (em_answers_get_excluded (old) != em_answers_get_excluded (answers))
    g_string_append (out, em_answers_get_excluded (answers) ? "; excluded" : "; included again");

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Re-scores and stores new answers of an existing evaluation. */
static gboolean
rescore (EmEvaluationStore      *self,
         const EmEvaluationRow  *row,
         const char             *old_text,
         gint64                  version_id,
         EmAnswers              *answers,
         const char             *actor,
         const char             *action,
         const char             *note,
         GError                **error)
{
  EmAnswersCheckFlags flags = row->status == EM_EVALUATION_DRAFT ? EM_ANSWERS_CHECK_DRAFT
                                                                 : EM_ANSWERS_CHECK_COMPLETE;
  g_autoptr(EmScoreResult) result = NULL;
  g_autofree char *text = em_answers_to_data (answers, NULL);
  g_autofree char *change = NULL;
  g_autofree char *detail = NULL;

  if (!(result = score (self, version_id, answers, flags, error)))
    return FALSE;

  change = describe_change (old_text, row->total, answers, em_score_result_get_total (result));
  detail = note != NULL ? g_strdup_printf ("%s; %s", note, change) : g_steal_pointer (&change);

  return update_scored (self, row->id, version_id, text, result, error) &&
         write_detail_rows (self, row->id, answers, result, error) &&
         em_db_audit (self->db, actor, action, "evaluation", row->id, detail, error);
}

/* Public API ------------------------------------------------------------- */

static gboolean
check_call_exists (EmEvaluationStore  *self,
                   gint64              call_id,
                   GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = em_db_prepare (self->db, "SELECT 1 FROM calls WHERE id = ?1", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, call_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    return em_db_set_error (self->db, error, rc, "reading calls");

  g_set_error (error, EM_ERROR, EM_ERROR_NOT_FOUND, _("There is no call %lld."), (long long) call_id);
  return FALSE;
}

static gint64
insert_evaluation (EmEvaluationStore  *self,
                   gint64              call_id,
                   gint64              version_id,
                   const char         *inspector,
                   const char         *answers_text,
                   EmScoreResult      *result,
                   GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  if (!(stmt = em_db_prepare (self->db,
                              "INSERT INTO evaluations (call_id, scorecard_version_id, inspector, status, "
                              "total, fatal, excluded, answers, created_at, updated_at) "
                              "VALUES (?1, ?2, ?3, 0, ?4, ?5, ?6, ?7, ?8, ?8) RETURNING id",
                              error)))
    return 0;

  sqlite3_bind_int64 (stmt, 1, call_id);
  sqlite3_bind_int64 (stmt, 2, version_id);
  sqlite3_bind_text (stmt, 3, inspector, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, em_score_result_get_total (result));
  sqlite3_bind_int (stmt, 5, em_score_result_get_fatal (result));
  sqlite3_bind_int (stmt, 6, em_score_result_get_excluded (result));
  sqlite3_bind_text (stmt, 7, answers_text, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 8, now);

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      em_db_set_error (self->db, error, sqlite3_errcode (em_db_get_handle (self->db)),
                       "saving an evaluation");
      return 0;
    }

  return sqlite3_column_int64 (stmt, 0);
}

/**
 * em_evaluation_store_create:
 * @call_id: calls.id of the evaluated call
 * @version_id: the scorecard revision (scorecard_versions.id); it is
 *   frozen from now on
 * @inspector: who evaluates (质检员)
 * @answers: (nullable): the answers so far; %NULL for none yet
 *
 * Creates a draft.  Unanswered choice and score items are allowed in a
 * draft; anything else wrong with the answers is EM_ERROR_INVALID_INPUT.
 *
 * Returns: the new evaluation's id, or 0 with @error set
 */
gint64
em_evaluation_store_create (EmEvaluationStore  *self,
                            gint64              call_id,
                            gint64              version_id,
                            const char         *inspector,
                            EmAnswers          *answers,
                            GError            **error)
{
  g_autoptr(EmScorecard) scorecard = NULL;
  g_autoptr(EmAnswers) empty = NULL;
  g_autoptr(EmScoreResult) result = NULL;
  g_autofree char *text = NULL;
  g_autofree char *total = NULL;
  g_autofree char *detail = NULL;
  EM_TXN_AUTO txn = { 0 };
  gint64 id;

  g_return_val_if_fail (EM_IS_EVALUATION_STORE (self), 0);
  g_return_val_if_fail (answers == NULL || EM_IS_ANSWERS (answers), 0);

  if (inspector == NULL || *inspector == '\0')
    {
      g_set_error (error, EM_ERROR, EM_ERROR_INVALID_INPUT, _("An evaluation needs the inspector's name."));
      return 0;
    }

  if (!(scorecard = em_evaluation_store_get_scorecard (self, version_id, error)))
    return 0;

  if (answers == NULL)
    answers = empty = em_answers_new_for_scorecard (scorecard);

  text = em_answers_to_data (answers, NULL);
  if (!(result = score (self, version_id, answers, EM_ANSWERS_CHECK_DRAFT, error)) ||
      !em_txn_begin (&txn, self->db, error) ||
      !check_call_exists (self, call_id, error) ||
      !(id = insert_evaluation (self, call_id, version_id, inspector, text, result, error)) ||
      !write_detail_rows (self, id, answers, result, error) ||
      !em_scorecard_store_freeze (self->db, version_id, error))
    return 0;

  total = em_points_format_fixed (em_score_result_get_total (result));
  detail = g_strdup_printf ("call %" G_GINT64_FORMAT ", scorecard %s (scorecard_versions %" G_GINT64_FORMAT
                            "), total %s", call_id, em_scorecard_get_id (scorecard), version_id, total);
  if (!em_db_audit (self->db, inspector, "create", "evaluation", id, detail, error) ||
      !em_txn_commit (&txn, error))
    return 0;

  return id;
}

/**
 * em_evaluation_store_save:
 * @actor: who saves, for the audit log
 *
 * Stores new answers for a draft or submitted evaluation and re-scores
 * it.  Answers equal to the stored ones write nothing (cheap enough to
 * call every couple of seconds).  A finalised evaluation is refused with
 * EM_ERROR_READ_ONLY; a submitted one must stay complete.
 */
gboolean
em_evaluation_store_save (EmEvaluationStore  *self,
                          gint64              evaluation_id,
                          EmAnswers          *answers,
                          const char         *actor,
                          GError            **error)
{
  g_auto(EmEvaluationRow) row = { 0 };
  g_autofree char *stored = NULL;
  g_autofree char *text = NULL;
  EM_TXN_AUTO txn = { 0 };

  g_return_val_if_fail (EM_IS_EVALUATION_STORE (self), FALSE);
  g_return_val_if_fail (EM_IS_ANSWERS (answers), FALSE);

  /* Most autosaves change nothing: find that out without taking the
   * write lock, which another program may be holding.
   */
  text = em_answers_to_data (answers, NULL);
  if (!read_row (self, evaluation_id, &row, &stored, error) ||
      !check_writable (&row, error))
    return FALSE;

  if (g_str_equal (text, stored))
    return TRUE;

  /* Read again under the lock: it may have changed meanwhile. */
  row_clear (&row);
  g_clear_pointer (&stored, g_free);
  if (!em_txn_begin (&txn, self->db, error) ||
      !read_row (self, evaluation_id, &row, &stored, error) ||
      !check_writable (&row, error))
    return FALSE;

  if (!g_str_equal (text, stored) &&
      !rescore (self, &row, stored, row.version_id, answers, actor, "update", NULL, error))
    return FALSE;

  return em_txn_commit (&txn, error);
}

/**
 * em_evaluation_store_change_version:
 *
 * Moves a draft or submitted evaluation to another revision of its
 * scorecard (or another scorecard), with @answers for it.  The new
 * revision is frozen; the old one stays frozen.
 */
gboolean
em_evaluation_store_change_version (EmEvaluationStore  *self,
                                    gint64              evaluation_id,
                                    gint64              version_id,
                                    EmAnswers          *answers,
                                    const char         *actor,
                                    GError            **error)
{
  g_auto(EmEvaluationRow) row = { 0 };
  g_autofree char *stored = NULL;
  g_autofree char *note = NULL;
  EM_TXN_AUTO txn = { 0 };

  g_return_val_if_fail (EM_IS_EVALUATION_STORE (self), FALSE);
  g_return_val_if_fail (EM_IS_ANSWERS (answers), FALSE);

  if (!em_txn_begin (&txn, self->db, error) ||
      !read_row (self, evaluation_id, &row, &stored, error) ||
      !check_writable (&row, error))
    return FALSE;

  if (row.version_id == version_id)
    return em_txn_commit (&txn, error) &&
           em_evaluation_store_save (self, evaluation_id, answers, actor, error);

  note = g_strdup_printf ("scorecard revision %" G_GINT64_FORMAT " → %" G_GINT64_FORMAT,
                          row.version_id, version_id);
  if (!rescore (self, &row, stored, version_id, answers, actor, "change-scorecard", note, error) ||
      !em_scorecard_store_freeze (self->db, version_id, error))
    return FALSE;

  return em_txn_commit (&txn, error);
}

/* Every choice and score item must be answered before submitting. */
static gboolean
check_complete (EmEvaluationStore      *self,
                const EmEvaluationRow  *row,
                const char             *stored,
                GError                **error)
{
  g_autoptr(EmAnswers) answers = NULL;
  g_autoptr(EmScoreResult) result = NULL;

  if (!(answers = parse_stored_answers (row->id, stored, error)))
    return FALSE;

  result = score (self, row->version_id, answers, EM_ANSWERS_CHECK_COMPLETE, error);
  return result != NULL;
}

static gboolean
set_status (EmEvaluationStore   *self,
            gint64               id,
            EmEvaluationStatus   status,
            GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(stmt = em_db_prepare (self->db,
                              "UPDATE evaluations SET status = ?2, updated_at = ?3, "
                              "submitted_at = coalesce (submitted_at, ?3), "
                              "finalised_at = CASE WHEN ?2 = 2 THEN ?3 ELSE finalised_at END "
                              "WHERE id = ?1",
                              error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, status);
  sqlite3_bind_int64 (stmt, 3, g_get_real_time () / G_USEC_PER_SEC);

  return step (self, stmt, error);
}

static gboolean
advance (EmEvaluationStore   *self,
         gint64               evaluation_id,
         EmEvaluationStatus   status,
         const char          *actor,
         GError             **error)
{
  g_auto(EmEvaluationRow) row = { 0 };
  g_autofree char *stored = NULL;
  g_autofree char *total = NULL;
  g_autofree char *detail = NULL;
  EM_TXN_AUTO txn = { 0 };

  if (!em_txn_begin (&txn, self->db, error) ||
      !read_row (self, evaluation_id, &row, &stored, error) ||
      !check_writable (&row, error))
    return FALSE;

  if (row.status >= status)
    return em_txn_commit (&txn, error);

  total = em_points_format_fixed (row.total);
  detail = g_strdup_printf ("total %s", total);
  if (!check_complete (self, &row, stored, error) ||
      !set_status (self, evaluation_id, status, error) ||
      !em_db_audit (self->db, actor, status == EM_EVALUATION_FINALISED ? "finalise" : "submit",
                    "evaluation", evaluation_id, detail, error))
    return FALSE;

  return em_txn_commit (&txn, error);
}

/* Draft → submitted.  Every choice and score item must be answered
 * (EM_ERROR_INVALID_INPUT names those that are not).  Submitting a
 * submitted evaluation does nothing; a finalised one is EM_ERROR_READ_ONLY.
 */
gboolean
em_evaluation_store_submit (EmEvaluationStore  *self,
                            gint64              evaluation_id,
                            const char         *actor,
                            GError            **error)
{
  g_return_val_if_fail (EM_IS_EVALUATION_STORE (self), FALSE);

  return advance (self, evaluation_id, EM_EVALUATION_SUBMITTED, actor, error);
}

/* Draft or submitted → finalised: from now on read-only. */
gboolean
em_evaluation_store_finalise (EmEvaluationStore  *self,
                              gint64              evaluation_id,
                              const char         *actor,
                              GError            **error)
{
  g_return_val_if_fail (EM_IS_EVALUATION_STORE (self), FALSE);

  return advance (self, evaluation_id, EM_EVALUATION_FINALISED, actor, error);
}

/**
 * em_evaluation_store_amend:
 * @answers: the answers after the lead's decisions (see
 *   em_answers_waive_item() for an overturned item)
 * @reason: (nullable): e.g. "appeal 7: item info.accurate overturned"
 *
 * Re-scores a finalised evaluation against its own scorecard revision:
 * the one change a finalised evaluation accepts, made when an appeal is
 * decided.  It stays finalised.
 */
gboolean
em_evaluation_store_amend (EmEvaluationStore  *self,
                           gint64              evaluation_id,
                           EmAnswers          *answers,
                           const char         *actor,
                           const char         *reason,
                           GError            **error)
{
  g_auto(EmEvaluationRow) row = { 0 };
  g_autofree char *stored = NULL;
  g_autofree char *text = NULL;
  EM_TXN_AUTO txn = { 0 };

  g_return_val_if_fail (EM_IS_EVALUATION_STORE (self), FALSE);
  g_return_val_if_fail (EM_IS_ANSWERS (answers), FALSE);

  if (!em_txn_begin (&txn, self->db, error) ||
      !read_row (self, evaluation_id, &row, &stored, error))
    return FALSE;

  if (row.status != EM_EVALUATION_FINALISED)
    {
      g_set_error (error, EM_ERROR, EM_ERROR_INVALID_INPUT,
                   _("Evaluation %lld is not finalised; save it instead of amending it."),
                   (long long) evaluation_id);
      return FALSE;
    }

  text = em_answers_to_data (answers, NULL);
  if (g_str_equal (text, stored))
    return em_txn_commit (&txn, error);

  if (!rescore (self, &row, stored, row.version_id, answers, actor, "amend", reason, error))
    return FALSE;

  return em_txn_commit (&txn, error);
}

/* Deletes a draft (EM_ERROR_READ_ONLY for anything submitted). */
gboolean
em_evaluation_store_discard (EmEvaluationStore  *self,
                             gint64              evaluation_id,
                             const char         *actor,
                             GError            **error)
{
  g_auto(EmEvaluationRow) row = { 0 };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *total = NULL;
  g_autofree char *detail = NULL;
  EM_TXN_AUTO txn = { 0 };

  g_return_val_if_fail (EM_IS_EVALUATION_STORE (self), FALSE);

  if (!em_txn_begin (&txn, self->db, error) ||
      !read_row (self, evaluation_id, &row, NULL, error))
    return FALSE;

  if (row.status != EM_EVALUATION_DRAFT)
    {
      g_set_error (error, EM_ERROR, EM_ERROR_READ_ONLY,
                   _("Evaluation %lld was submitted and cannot be discarded."),
                   (long long) evaluation_id);
      return FALSE;
    }

  if (!(stmt = em_db_prepare (self->db, "DELETE FROM evaluations WHERE id = ?1", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, evaluation_id);

  total = em_points_format_fixed (row.total);
  detail = g_strdup_printf ("call %" G_GINT64_FORMAT ", total %s", row.call_id, total);
  if (!step (self, stmt, error) ||
      !em_db_audit (self->db, actor, "discard", "evaluation", evaluation_id, detail, error))
    return FALSE;

  return em_txn_commit (&txn, error);
}

/* Returns: (transfer full): the evaluation with its scorecard revision,
 * a copy of its answers and their score
 */
EmEvaluation *
em_evaluation_store_load (EmEvaluationStore  *self,
                          gint64              evaluation_id,
                          GError            **error)
{
  g_auto(EmEvaluationRow) row = { 0 };
  g_autoptr(EmScorecard) scorecard = NULL;
  g_autoptr(EmAnswers) answers = NULL;
  g_autoptr(EmScoreResult) result = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *stored = NULL;

  g_return_val_if_fail (EM_IS_EVALUATION_STORE (self), NULL);

  if (!read_row (self, evaluation_id, &row, &stored, error) ||
      !(scorecard = em_evaluation_store_get_scorecard (self, row.version_id, error)) ||
      !(answers = parse_stored_answers (row.id, stored, error)))
    return NULL;

  if (!(result = em_score_result_new (scorecard, answers, EM_ANSWERS_CHECK_DRAFT, NULL, &local_error)))
    {
      g_set_error (error, EM_ERROR, EM_ERROR_DATABASE_CORRUPT,
                   _("The stored answers of evaluation %lld no longer fit its scorecard:\n%s"),
                   (long long) row.id, local_error->message);
      return NULL;
    }

  return em_evaluation_new_internal (&row, scorecard, answers, result);
}

/**
 * em_evaluation_store_find_latest:
 * @out_status: (out) (optional): its status
 *
 * Finds @inspector's newest evaluation of a call with a scorecard.
 *
 * Returns: its id; 0 when there is none; -1 on a database error
 */
gint64
em_evaluation_store_find_latest (EmEvaluationStore   *self,
                                 gint64               call_id,
                                 const char          *inspector,
                                 const char          *scorecard_key,
                                 EmEvaluationStatus  *out_status,
                                 GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (EM_IS_EVALUATION_STORE (self), -1);
  g_return_val_if_fail (inspector != NULL && scorecard_key != NULL, -1);

  if (!(stmt = em_db_prepare (self->db,
                              "SELECT e.id, e.status FROM evaluations e "
                              "JOIN scorecard_versions v ON v.id = e.scorecard_version_id "
                              "JOIN scorecards s ON s.id = v.scorecard_id "
                              "WHERE e.call_id = ?1 AND e.inspector = ?2 AND s.key = ?3 "
                              "ORDER BY e.id DESC LIMIT 1",
                              error)))
    return -1;

  sqlite3_bind_int64 (stmt, 1, call_id);
  sqlite3_bind_text (stmt, 2, inspector, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, scorecard_key, -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return 0;
  if (rc != SQLITE_ROW)
    {
      em_db_set_error (self->db, error, rc, "reading evaluations");
      return -1;
    }

  if (out_status != NULL)
    *out_status = sqlite3_column_int (stmt, 1);

  return sqlite3_column_int64 (stmt, 0);
}

/* Returns: (transfer full) (element-type gint64): the ids of the call's
 * evaluations, oldest first
 */
GArray *
em_evaluation_store_list_for_call (EmEvaluationStore  *self,
                                   gint64              call_id,
                                   GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  g_return_val_if_fail (EM_IS_EVALUATION_STORE (self), NULL);

  if (!(stmt = em_db_prepare (self->db, "SELECT id FROM evaluations WHERE call_id = ?1 ORDER BY id", error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, call_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }

  if (rc != SQLITE_DONE)
    {
      em_db_set_error (self->db, error, rc, "reading evaluations");
      return NULL;
    }

  return g_steal_pointer (&ids);
}

/* Returns: calls.id of the call with @external_id (the platform's call
 * id); 0 with EM_ERROR_NOT_FOUND when there is none
 */
gint64
em_evaluation_store_lookup_call (EmEvaluationStore  *self,
                                 const char         *external_id,
                                 GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (EM_IS_EVALUATION_STORE (self), 0);
  g_return_val_if_fail (external_id != NULL, 0);

  if (!(stmt = em_db_prepare (self->db, "SELECT id FROM calls WHERE external_id = ?1", error)))
    return 0;

  sqlite3_bind_text (stmt, 1, external_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc != SQLITE_DONE)
    {
      em_db_set_error (self->db, error, rc, "reading calls");
      return 0;
    }

  g_set_error (error, EM_ERROR, EM_ERROR_NOT_FOUND, _("There is no call “%s” in the database."), external_id);
  return 0;
}
