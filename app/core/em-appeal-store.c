/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "em-appeal"

#include "config.h"

#include <glib/gi18n.h>

#include "em-appeal-store.h"
#include "em-error.h"
#include "em-txn.h"

/* The evaluation is changed once, when the appeal closes, not item by
 * item: a lead may uphold one item and overturn another in any order,
 * and the total moves from total_before to total_after in one amendment
 * that names every overturned item.  Until then the evaluation shows
 * what it showed when the appeal was filed, and the appeal is "open".
 */

struct _EmAppealStore
{
  GObject            parent_instance;

  EmEvaluationStore *evaluations;
};

G_DEFINE_FINAL_TYPE (EmAppealStore, em_appeal_store, G_TYPE_OBJECT)

static void
em_appeal_store_dispose (GObject *object)
{
  EmAppealStore *self = (EmAppealStore *) object;

  g_clear_object (&self->evaluations);

  G_OBJECT_CLASS (em_appeal_store_parent_class)->dispose (object);
}

static void
em_appeal_store_class_init (EmAppealStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = em_appeal_store_dispose;
}

static void
em_appeal_store_init (EmAppealStore *self)
{
}

/**
 * em_appeal_store_new:
 * @evaluations: the store of the evaluations appealed against; appeals
 *   use its database
 */
EmAppealStore *
em_appeal_store_new (EmEvaluationStore *evaluations)
{
  EmAppealStore *self;

  g_return_val_if_fail (EM_IS_EVALUATION_STORE (evaluations), NULL);

  self = g_object_new (EM_TYPE_APPEAL_STORE, NULL);
  self->evaluations = g_object_ref (evaluations);
  return self;
}

EmEvaluationStore *
em_appeal_store_get_evaluations (EmAppealStore *self)
{
  g_return_val_if_fail (EM_IS_APPEAL_STORE (self), NULL);
  return self->evaluations;
}

static EmDb *
get_db (EmAppealStore *self)
{
  return em_evaluation_store_get_db (self->evaluations);
}

/* Appeals in memory ---------------------------------------------------- */

static void
appeal_item_clear (gpointer data)
{
  EmAppealItem *item = data;

  g_free (item->item_id);
  g_free (item->decided_by);
  g_free (item->comment);
}

void
em_appeal_free (EmAppeal *appeal)
{
  if (appeal == NULL)
    return;

  g_free (appeal->reason);
  g_free (appeal->filed_by);
  g_clear_pointer (&appeal->items, g_array_unref);
  g_free (appeal);
}

const EmAppealItem *
em_appeal_lookup_item (const EmAppeal *appeal,
                       const char     *item_id)
{
  g_return_val_if_fail (appeal != NULL && item_id != NULL, NULL);

  for (guint i = 0; i < appeal->items->len; i++)
    {
      const EmAppealItem *item = &g_array_index (appeal->items, EmAppealItem, i);

      if (g_str_equal (item->item_id, item_id))
        return item;
    }

  return NULL;
}

guint
em_appeal_count_decision (const EmAppeal   *appeal,
                          EmAppealDecision  decision)
{
  guint n = 0;

  g_return_val_if_fail (appeal != NULL, 0);

  for (guint i = 0; i < appeal->items->len; i++)
    n += g_array_index (appeal->items, EmAppealItem, i).decision == decision ? 1 : 0;

  return n;
}

static const char *
decision_name (EmAppealDecision decision)
{
  switch (decision)
    {
    case EM_APPEAL_UPHELD: return "upheld";
    case EM_APPEAL_OVERTURNED: return "overturned";
    case EM_APPEAL_PENDING:
    default: return "pending";
    }
}

/* The same words for messages; decision_name()'s stay English in the log. */
static const char *
decision_label (EmAppealDecision decision)
{
  switch (decision)
    {
    case EM_APPEAL_UPHELD: return _("upheld");
    case EM_APPEAL_OVERTURNED: return _("overturned");
    case EM_APPEAL_PENDING:
    default: return _("pending");
    }
}

/* Reading -------------------------------------------------------------- */

static gboolean
read_items (EmAppealStore  *self,
            EmAppeal       *appeal,
            GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = em_db_prepare (get_db (self),
                              "SELECT item_id, decision, decided_by, coalesce (decided_at, 0), comment "
                              "FROM appeal_items WHERE appeal_id = ?1 ORDER BY rowid",
                              error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, appeal->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EmAppealItem item = {
        .item_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
        .decision = sqlite3_column_int (stmt, 1),
        .decided_by = g_strdup ((const char *) sqlite3_column_text (stmt, 2)),
        .decided_at = sqlite3_column_int64 (stmt, 3),
        .comment = g_strdup ((const char *) sqlite3_column_text (stmt, 4)),
      };

      g_array_append_val (appeal->items, item);
    }

  if (rc != SQLITE_DONE)
    return em_db_set_error (get_db (self), error, rc, "reading an appeal");

  return TRUE;
}

/* Returns: (transfer full): the appeal with its items, or %NULL with
 * EM_ERROR_NOT_FOUND
 */
EmAppeal *
em_appeal_store_load (EmAppealStore  *self,
                      gint64          appeal_id,
                      GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(EmAppeal) appeal = NULL;
  int rc;

  g_return_val_if_fail (EM_IS_APPEAL_STORE (self), NULL);

  if (!(stmt = em_db_prepare (get_db (self),
                              "SELECT id, evaluation_id, reason, filed_by, filed_at, status, "
                              "total_before, coalesce (total_after, -1) FROM appeals WHERE id = ?1",
                              error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, appeal_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, EM_ERROR, EM_ERROR_NOT_FOUND, _("There is no appeal %lld."), (long long) appeal_id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      em_db_set_error (get_db (self), error, rc, "reading an appeal");
      return NULL;
    }

  appeal = g_new0 (EmAppeal, 1);
  appeal->id = sqlite3_column_int64 (stmt, 0);
  appeal->evaluation_id = sqlite3_column_int64 (stmt, 1);
  appeal->reason = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  appeal->filed_by = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  appeal->filed_at = sqlite3_column_int64 (stmt, 4);
  appeal->status = sqlite3_column_int (stmt, 5);
  appeal->total_before = sqlite3_column_int64 (stmt, 6);
  appeal->total_after = sqlite3_column_int64 (stmt, 7);
  appeal->items = g_array_new (FALSE, TRUE, sizeof (EmAppealItem));
  g_array_set_clear_func (appeal->items, appeal_item_clear);

  if (!read_items (self, appeal, error))
    return NULL;

  return g_steal_pointer (&appeal);
}

/* Returns: (transfer full) (element-type EmAppeal): the evaluation's
 * appeals, oldest first
 */
GPtrArray *
em_appeal_store_list_for_evaluation (EmAppealStore  *self,
                                     gint64          evaluation_id,
                                     GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) appeals = g_ptr_array_new_with_free_func ((GDestroyNotify) em_appeal_free);
  int rc;

  g_return_val_if_fail (EM_IS_APPEAL_STORE (self), NULL);

  if (!(stmt = em_db_prepare (get_db (self), "SELECT id FROM appeals WHERE evaluation_id = ?1 ORDER BY id", error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, evaluation_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      em_db_set_error (get_db (self), error, rc, "reading appeals");
      return NULL;
    }

  for (guint i = 0; i < ids->len; i++)
    {
      EmAppeal *appeal = em_appeal_store_load (self, g_array_index (ids, gint64, i), error);

      if (appeal == NULL)
        return NULL;
      g_ptr_array_add (appeals, appeal);
    }

  return g_steal_pointer (&appeals);
}

/**
 * em_appeal_store_find_open:
 *
 * Returns: the id of the evaluation's open appeal; 0 when it has none;
 *   -1 on a database error
 */
gint64
em_appeal_store_find_open (EmAppealStore  *self,
                           gint64          evaluation_id,
                           GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (EM_IS_APPEAL_STORE (self), -1);

  if (!(stmt = em_db_prepare (get_db (self),
                              "SELECT id FROM appeals WHERE evaluation_id = ?1 AND status = 0 "
                              "ORDER BY id DESC LIMIT 1",
                              error)))
    return -1;

  sqlite3_bind_int64 (stmt, 1, evaluation_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc == SQLITE_DONE)
    return 0;

  em_db_set_error (get_db (self), error, rc, "reading appeals");
  return -1;
}

/* Which items lost points ---------------------------------------------- */

/* What an item cost: its deduction, or whether a fatal item fired.
 * Bonus items add points and are never appealed.
 */
static gboolean
item_lost_points (EmScoreResult *result,
                  const char    *item_id)
{
  const EmItemScore *score = em_score_result_lookup_item (result, item_id);

  return score != NULL && score->kind != EM_ITEM_KIND_BONUS &&
         (score->deduction > 0 || score->triggered);
}

/* "language.taboo (−4.00)", "fatal.leak (fatal)" */
static char *
describe_item_cost (EmScoreResult *result,
                    const char    *item_id)
{
  const EmItemScore *score = em_score_result_lookup_item (result, item_id);
  g_autofree char *points = NULL;

  if (score == NULL)
    return g_strdup (item_id);
  if (score->triggered)
    return g_strdup_printf ("%s (fatal)", item_id);

  points = em_points_format_fixed (score->deduction);
  return g_strdup_printf ("%s (−%s)", item_id, points);
}

/* Items of the evaluation named in any of its appeals, with the decision
 * they had (item id → EmAppealDecision + 1, so that pending is not NULL).
 */
static GHashTable *
read_appealed_items (EmAppealStore  *self,
                     gint64          evaluation_id,
                     GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) items = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  int rc;

  if (!(stmt = em_db_prepare (get_db (self),
                              "SELECT ai.item_id, ai.decision FROM appeal_items ai "
                              "JOIN appeals a ON a.id = ai.appeal_id WHERE a.evaluation_id = ?1",
                              error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, evaluation_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (items, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                         GINT_TO_POINTER (sqlite3_column_int (stmt, 1) + 1));

  if (rc != SQLITE_DONE)
    {
      em_db_set_error (get_db (self), error, rc, "reading appeals");
      return NULL;
    }

  return g_steal_pointer (&items);
}

/**
 * em_appeal_store_list_appealable:
 *
 * The items of an evaluation an appeal may name now: those that cost
 * points and that no earlier appeal named, in scorecard order.
 *
 * Returns: (transfer full) (element-type utf8): item ids
 */
GPtrArray *
em_appeal_store_list_appealable (EmAppealStore  *self,
                                 gint64          evaluation_id,
                                 GError        **error)
{
  g_autoptr(EmEvaluation) evaluation = NULL;
  g_autoptr(GHashTable) appealed = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  EmScoreResult *result;

  g_return_val_if_fail (EM_IS_APPEAL_STORE (self), NULL);

  if (!(evaluation = em_evaluation_store_load (self->evaluations, evaluation_id, error)) ||
      !(appealed = read_appealed_items (self, evaluation_id, error)))
    return NULL;

  result = em_evaluation_get_result (evaluation);
  for (guint i = 0; i < em_score_result_get_n_items (result); i++)
    {
      const EmItemScore *score = em_score_result_get_item (result, i);

      if (item_lost_points (result, score->item_id) &&
          !g_hash_table_contains (appealed, score->item_id))
        g_ptr_array_add (ids, g_strdup (score->item_id));
    }

  return g_steal_pointer (&ids);
}

/* Filing --------------------------------------------------------------- */

static gboolean
check_name (const char  *name,
            const char  *what,
            GError     **error)
{
  if (name != NULL && *name != '\0')
    return TRUE;

  g_set_error (error, EM_ERROR, EM_ERROR_INVALID_INPUT, "%s", what);
  return FALSE;
}

static gboolean
check_appealable (EmAppealStore  *self,
                  EmEvaluation   *evaluation,
                  GError        **error)
{
  gint64 id = em_evaluation_get_id (evaluation);
  gint64 open_id;

  if (em_evaluation_get_status (evaluation) != EM_EVALUATION_FINALISED)
    {
      g_set_error (error, EM_ERROR, EM_ERROR_INVALID_INPUT,
                   _("Evaluation %lld is not finalised; only a finalised evaluation can be appealed."),
                   (long long) id);
      return FALSE;
    }

  if ((open_id = em_appeal_store_find_open (self, id, error)) < 0)
    return FALSE;
  if (open_id > 0)
    {
      g_set_error (error, EM_ERROR, EM_ERROR_INVALID_INPUT,
                   _("Evaluation %lld already has an open appeal (appeal %lld); "
                     "decide it before filing another."),
                   (long long) id, (long long) open_id);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_item (EmEvaluation  *evaluation,
            GHashTable    *appealed,
            GHashTable    *named,
            const char    *item_id,
            GError       **error)
{
  EmScoreResult *result = em_evaluation_get_result (evaluation);
  gint64 id = em_evaluation_get_id (evaluation);
  gpointer earlier;

  if (em_scorecard_lookup_item (em_evaluation_get_scorecard (evaluation), item_id) == NULL)
    {
      g_set_error (error, EM_ERROR, EM_ERROR_INVALID_INPUT,
                   _("The scorecard of evaluation %lld has no item “%s”."), (long long) id, item_id);
      return FALSE;
    }
  if (!item_lost_points (result, item_id))
    {
      g_set_error (error, EM_ERROR, EM_ERROR_INVALID_INPUT,
                   _("Item “%s” of evaluation %lld cost no points; there is nothing to appeal."),
                   item_id, (long long) id);
      return FALSE;
    }
  if ((earlier = g_hash_table_lookup (appealed, item_id)) != NULL)
    {
      g_set_error (error, EM_ERROR, EM_ERROR_INVALID_INPUT,
                   _("Item “%s” of evaluation %lld was already appealed (%s); "
                     "an item is appealed once."),
                   item_id, (long long) id, decision_label (GPOINTER_TO_INT (earlier) - 1));
      return FALSE;
    }
  if (!g_hash_table_add (named, (gpointer) item_id))
    {
      g_set_error (error, EM_ERROR, EM_ERROR_INVALID_INPUT,
                   _("Item “%s” is named twice in the appeal."), item_id);
      return FALSE;
    }

  return TRUE;
}

static gint64
insert_appeal (EmAppealStore  *self,
               EmEvaluation   *evaluation,
               const char     *reason,
               const char     *filed_by,
               GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(stmt = em_db_prepare (get_db (self),
                              "INSERT INTO appeals (evaluation_id, reason, filed_by, filed_at, status, "
                              "total_before) VALUES (?1, ?2, ?3, ?4, 0, ?5) RETURNING id",
                              error)))
    return 0;

  sqlite3_bind_int64 (stmt, 1, em_evaluation_get_id (evaluation));
  sqlite3_bind_text (stmt, 2, reason, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, filed_by, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, g_get_real_time () / G_USEC_PER_SEC);
  sqlite3_bind_int64 (stmt, 5, em_evaluation_get_total (evaluation));

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      em_db_set_error (get_db (self), error, sqlite3_errcode (em_db_get_handle (get_db (self))),
                       "saving an appeal");
      return 0;
    }

  return sqlite3_column_int64 (stmt, 0);
}

static gboolean
insert_items (EmAppealStore       *self,
              gint64               appeal_id,
              const char * const  *item_ids,
              GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = em_db_prepare (get_db (self),
                              "INSERT INTO appeal_items (appeal_id, item_id) VALUES (?1, ?2)", error)))
    return FALSE;

  for (guint i = 0; item_ids[i] != NULL; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, appeal_id);
      sqlite3_bind_text (stmt, 2, item_ids[i], -1, SQLITE_STATIC);
      if ((rc = sqlite3_step (stmt)) != SQLITE_DONE)
        return em_db_set_error (get_db (self), error, rc, "saving an appeal");
    }

  return TRUE;
}

/* "evaluation 12, total 91.00; items: a (−4.00), b (−5.00); reason: …" */
static char *
describe_filing (EmEvaluation       *evaluation,
                 const char * const *item_ids,
                 const char         *reason)
{
  g_autoptr(GString) detail = g_string_new (NULL);
  g_autofree char *total = em_points_format_fixed (em_evaluation_get_total (evaluation));

  g_string_append_printf (detail, "evaluation %" G_GINT64_FORMAT ", total %s; items: ",
                          em_evaluation_get_id (evaluation), total);
  for (guint i = 0; item_ids[i] != NULL; i++)
    {
      g_autofree char *cost = describe_item_cost (em_evaluation_get_result (evaluation), item_ids[i]);

      g_string_append_printf (detail, "%s%s", i > 0 ? ", " : "", cost);
    }
  g_string_append_printf (detail, "; reason: %s", reason);

  return g_string_free (g_steal_pointer (&detail), FALSE);
}

/**
 * em_appeal_store_file:
 * @item_ids: (array zero-terminated=1): the disputed items, at least one
 * @reason: why the agent disputes them
 * @filed_by: who enters the appeal (an inspector or lead, on the agent's
 *   behalf)
 *
 * Files an appeal against a finalised evaluation.  Refused, with nothing
 * changed, when the evaluation is not finalised or has an open appeal,
 * or when an item is unknown, cost no points, was appealed before or is
 * named twice.
 *
 * Returns: the new appeal's id, or 0 with @error set
 */
gint64
em_appeal_store_file (EmAppealStore       *self,
                      gint64               evaluation_id,
                      const char * const  *item_ids,
                      const char          *reason,
                      const char          *filed_by,
                      GError             **error)
{
  g_autoptr(EmEvaluation) evaluation = NULL;
  g_autoptr(GHashTable) appealed = NULL;
  g_autoptr(GHashTable) named = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *stripped = g_strstrip (g_strdup (reason != NULL ? reason : ""));
  g_autofree char *detail = NULL;
  EM_TXN_AUTO txn = { 0 };
  gint64 id;

  g_return_val_if_fail (EM_IS_APPEAL_STORE (self), 0);

  if (!check_name (filed_by, _("An appeal needs the name of who enters it."), error) ||
      !check_name (stripped, _("An appeal needs a reason."), error))
    return 0;
  if (item_ids == NULL || item_ids[0] == NULL)
    {
      g_set_error (error, EM_ERROR, EM_ERROR_INVALID_INPUT, _("An appeal names at least one item."));
      return 0;
    }

  if (!em_txn_begin (&txn, get_db (self), error) ||
      !(evaluation = em_evaluation_store_load (self->evaluations, evaluation_id, error)) ||
      !check_appealable (self, evaluation, error) ||
      !(appealed = read_appealed_items (self, evaluation_id, error)))
    return 0;

  for (guint i = 0; item_ids[i] != NULL; i++)
    if (!check_item (evaluation, appealed, named, item_ids[i], error))
      return 0;

  detail = describe_filing (evaluation, item_ids, stripped);
  if (!(id = insert_appeal (self, evaluation, stripped, filed_by, error)) ||
      !insert_items (self, id, item_ids, error) ||
      !em_db_audit (get_db (self), filed_by, "file", "appeal", id, detail, error) ||
      !em_txn_commit (&txn, error))
    return 0;

  return id;
}

/* Deciding ------------------------------------------------------------- */

static gboolean
check_open (const EmAppeal  *appeal,
            GError         **error)
{
  if (appeal->status == EM_APPEAL_OPEN)
    return TRUE;

  g_set_error (error, EM_ERROR, EM_ERROR_INVALID_INPUT,
               _("Appeal %lld was decided already."), (long long) appeal->id);
  return FALSE;
}

static gboolean
check_ruling (const EmAppeal        *appeal,
              const EmAppealRuling  *ruling,
              GError               **error)
{
  const EmAppealItem *item;

  if (ruling->item_id == NULL ||
      (item = em_appeal_lookup_item (appeal, ruling->item_id)) == NULL)
    {
      g_set_error (error, EM_ERROR, EM_ERROR_NOT_FOUND,
                   _("Appeal %lld does not name item “%s”."),
                   (long long) appeal->id, ruling->item_id != NULL ? ruling->item_id : "");
      return FALSE;
    }
  if (ruling->decision != EM_APPEAL_UPHELD && ruling->decision != EM_APPEAL_OVERTURNED)
    {
      g_set_error (error, EM_ERROR, EM_ERROR_INVALID_INPUT,
                   _("Item “%s” can only be upheld or overturned."), ruling->item_id);
      return FALSE;
    }
  if (item->decision != EM_APPEAL_PENDING)
    {
      g_set_error (error, EM_ERROR, EM_ERROR_INVALID_INPUT,
                   _("Item “%s” of appeal %lld was already decided (%s by %s)."),
                   ruling->item_id, (long long) appeal->id, decision_label (item->decision),
                   item->decided_by != NULL ? item->decided_by : "?");
      return FALSE;
    }

  return TRUE;
}

/* Records one decision in @appeal (memory) and in the database. */
static gboolean
record_ruling (EmAppealStore         *self,
               EmAppeal              *appeal,
               const EmAppealRuling  *ruling,
               const char            *comment,
               const char            *decided_by,
               GError               **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  EmAppealItem *item = (EmAppealItem *) em_appeal_lookup_item (appeal, ruling->item_id);
  g_autofree char *detail = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  int rc;

  if (!(stmt = em_db_prepare (get_db (self),
                              "UPDATE appeal_items SET decision = ?3, decided_by = ?4, decided_at = ?5, "
                              "comment = ?6 WHERE appeal_id = ?1 AND item_id = ?2",
                              error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, appeal->id);
  sqlite3_bind_text (stmt, 2, ruling->item_id, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, ruling->decision);
  sqlite3_bind_text (stmt, 4, decided_by, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, now);
  if (comment != NULL)
    sqlite3_bind_text (stmt, 6, comment, -1, SQLITE_STATIC);
  if ((rc = sqlite3_step (stmt)) != SQLITE_DONE)
    return em_db_set_error (get_db (self), error, rc, "saving an appeal decision");

  item->decision = ruling->decision;
  g_free (item->decided_by);
  item->decided_by = g_strdup (decided_by);
  item->decided_at = now;
  g_free (item->comment);
  item->comment = g_strdup (comment);

  detail = g_strdup_printf ("%s: %s%s%s", ruling->item_id, decision_name (ruling->decision),
                            comment != NULL ? "; comment: " : "", comment != NULL ? comment : "");
  return em_db_audit (get_db (self), decided_by, "decide", "appeal", appeal->id, detail, error);
}

/* The evaluation's answers with every overturned item of @appeal waived. */
static EmAnswers *
answers_after (EmEvaluation   *evaluation,
               const EmAppeal *appeal)
{
  EmAnswers *answers = em_answers_copy (em_evaluation_get_answers (evaluation));

  for (guint i = 0; i < appeal->items->len; i++)
    {
      const EmAppealItem *item = &g_array_index (appeal->items, EmAppealItem, i);

      if (item->decision == EM_APPEAL_OVERTURNED &&
          !em_answers_waive_item (answers, em_evaluation_get_scorecard (evaluation), item->item_id))
        g_warning ("Appeal %" G_GINT64_FORMAT ": no item %s to waive", appeal->id, item->item_id);
    }

  return answers;
}

static char *
list_items (const EmAppeal   *appeal,
            EmAppealDecision  decision)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < appeal->items->len; i++)
    {
      const EmAppealItem *item = &g_array_index (appeal->items, EmAppealItem, i);

      if (item->decision == decision)
        g_string_append_printf (out, "%s%s", out->len > 0 ? ", " : "", item->item_id);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
update_closed (EmAppealStore  *self,
               EmAppeal       *appeal,
               EmPoints        total_after,
               GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = em_db_prepare (get_db (self),
                              "UPDATE appeals SET status = 1, total_after = ?2 WHERE id = ?1", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, appeal->id);
  sqlite3_bind_int64 (stmt, 2, total_after);
  if ((rc = sqlite3_step (stmt)) != SQLITE_DONE)
    return em_db_set_error (get_db (self), error, rc, "closing an appeal");

  appeal->status = EM_APPEAL_DECIDED;
  appeal->total_after = total_after;
  return TRUE;
}

/* Every item is decided: waive the overturned ones, re-score the
 * evaluation once, and close the appeal.
 */
static gboolean
close_appeal (EmAppealStore  *self,
              EmAppeal       *appeal,
              const char     *decided_by,
              GError        **error)
{
  g_autoptr(EmEvaluation) evaluation = NULL;
  g_autoptr(EmEvaluation) amended = NULL;
  g_autoptr(EmAnswers) answers = NULL;
  g_autofree char *overturned = list_items (appeal, EM_APPEAL_OVERTURNED);
  g_autofree char *upheld = list_items (appeal, EM_APPEAL_UPHELD);
  g_autofree char *reason = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *detail = NULL;

  if (!(evaluation = em_evaluation_store_load (self->evaluations, appeal->evaluation_id, error)))
    return FALSE;

  answers = answers_after (evaluation, appeal);
  reason = g_strdup_printf ("appeal %" G_GINT64_FORMAT ": overturned %s", appeal->id,
                            *overturned != '\0' ? overturned : "nothing");
  if (!em_evaluation_store_amend (self->evaluations, appeal->evaluation_id, answers, decided_by, reason, error) ||
      !(amended = em_evaluation_store_load (self->evaluations, appeal->evaluation_id, error)) ||
      !update_closed (self, appeal, em_evaluation_get_total (amended), error))
    return FALSE;

  before = em_points_format_fixed (appeal->total_before);
  after = em_points_format_fixed (appeal->total_after);
  detail = g_strdup_printf ("evaluation %" G_GINT64_FORMAT ": total %s → %s; overturned: %s; upheld: %s",
                            appeal->evaluation_id, before, after,
                            *overturned != '\0' ? overturned : "none",
                            *upheld != '\0' ? upheld : "none");

  return em_db_audit (get_db (self), decided_by, "close", "appeal", appeal->id, detail, error);
}

/**
 * em_appeal_store_decide_items:
 * @rulings: (array length=n_rulings): a decision for some or all of the
 *   appeal's pending items
 * @comment: (nullable): the lead's comment, kept with each item decided
 * @decided_by: the lead who decides
 *
 * Decides items of an open appeal, in one transaction.  When no item is
 * left pending, the appeal closes and the evaluation is re-scored with
 * the overturned items waived.  Refused, with nothing changed, for an
 * item the appeal does not name, an item already decided, or an appeal
 * already decided.
 */
gboolean
em_appeal_store_decide_items (EmAppealStore         *self,
                              gint64                 appeal_id,
                              const EmAppealRuling  *rulings,
                              guint                  n_rulings,
                              const char            *comment,
                              const char            *decided_by,
                              GError               **error)
{
  g_autoptr(EmAppeal) appeal = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (comment != NULL ? comment : ""));
  const char *note = *stripped != '\0' ? stripped : NULL;
  EM_TXN_AUTO txn = { 0 };

  g_return_val_if_fail (EM_IS_APPEAL_STORE (self), FALSE);
  g_return_val_if_fail (rulings != NULL || n_rulings == 0, FALSE);

  if (!check_name (decided_by, _("A decision needs the name of the lead who makes it."), error))
    return FALSE;
  if (n_rulings == 0)
    {
      g_set_error (error, EM_ERROR, EM_ERROR_INVALID_INPUT, _("No item was decided."));
      return FALSE;
    }

  if (!em_txn_begin (&txn, get_db (self), error) ||
      !(appeal = em_appeal_store_load (self, appeal_id, error)) ||
      !check_open (appeal, error))
    return FALSE;

  for (guint i = 0; i < n_rulings; i++)
    if (!check_ruling (appeal, &rulings[i], error) ||
        !record_ruling (self, appeal, &rulings[i], note, decided_by, error))
      return FALSE;

  if (em_appeal_count_decision (appeal, EM_APPEAL_PENDING) == 0 &&
      !close_appeal (self, appeal, decided_by, error))
    return FALSE;

  return em_txn_commit (&txn, error);
}

/* Decides one item: em_appeal_store_decide_items() with one ruling. */
gboolean
em_appeal_store_decide (EmAppealStore     *self,
                        gint64             appeal_id,
                        const char        *item_id,
                        EmAppealDecision   decision,
                        const char        *comment,
                        const char        *decided_by,
                        GError           **error)
{
  EmAppealRuling ruling = { item_id, decision };

  return em_appeal_store_decide_items (self, appeal_id, &ruling, 1, comment, decided_by, error);
}

/**
 * em_appeal_store_preview:
 * @out_total: (out): the evaluation's total once the appeal closes with
 *   these rulings (items still pending after them count as upheld)
 *
 * What deciding would do, without changing anything: for the "new total"
 * a lead reads before confirming.
 */
gboolean
em_appeal_store_preview (EmAppealStore         *self,
                         gint64                 appeal_id,
                         const EmAppealRuling  *rulings,
                         guint                  n_rulings,
                         EmPoints              *out_total,
                         GError               **error)
{
  g_autoptr(EmAppeal) appeal = NULL;
  g_autoptr(EmEvaluation) evaluation = NULL;
  g_autoptr(EmAnswers) answers = NULL;
  g_autoptr(EmScoreResult) result = NULL;

  g_return_val_if_fail (EM_IS_APPEAL_STORE (self), FALSE);
  g_return_val_if_fail (out_total != NULL, FALSE);

  if (!(appeal = em_appeal_store_load (self, appeal_id, error)) ||
      !check_open (appeal, error) ||
      !(evaluation = em_evaluation_store_load (self->evaluations, appeal->evaluation_id, error)))
    return FALSE;

  for (guint i = 0; i < n_rulings; i++)
    {
      EmAppealItem *item;

      if (!check_ruling (appeal, &rulings[i], error))
        return FALSE;
      item = (EmAppealItem *) em_appeal_lookup_item (appeal, rulings[i].item_id);
      item->decision = rulings[i].decision;
    }

  answers = answers_after (evaluation, appeal);
  if (!(result = em_score_result_new (em_evaluation_get_scorecard (evaluation), answers,
                                      EM_ANSWERS_CHECK_COMPLETE, NULL, error)))
    return FALSE;

  *out_total = em_score_result_get_total (result);
  return TRUE;
}
