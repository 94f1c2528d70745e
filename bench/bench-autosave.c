/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <glib/gstdio.h>

#include "em-answers.h"
#include "em-db.h"
#include "em-evaluation-store.h"
#include "em-score-result.h"
#include "em-scorecard-store.h"
#include "em-shipped-scorecards.h"

/* What an autosave costs.  The GUI saves the open evaluation every ~2 s;
 * each save re-scores the answers and rewrites the evaluation, its per-item
 * and per-section rows and one audit row, in one transaction.  The peer is
 * the least any save could do: one prepared UPDATE of the answers text in
 * its own transaction.  Also timed: a save of unchanged answers (what most
 * autosaves are) and scoring alone (what the live total costs per edit).
 *
 * Usage: bench-autosave [ITERATIONS]
 */

#define CHECK(expr) G_STMT_START { if (!(expr)) { g_printerr ("%s\n", error ? error->message : #expr); return 1; } } G_STMT_END

static double
per_op_usec (gint64 start,
             guint  n)
{
  return (double) (g_get_monotonic_time () - start) / n;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("earmark-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bench.db", NULL);
  g_autoptr(EmDb) db = NULL;
  g_autoptr(EmEvaluationStore) store = NULL;
  g_autoptr(EmScorecard) scorecard = NULL;
  g_autoptr(EmAnswers) answers = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;
  guint n = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 2000;
  double changed_us, unchanged_us, peer_us, score_us;
  gint64 version, id, start;
  EmItemAnswer *taboo;

  CHECK ((db = em_db_open (path, &error)));
  store = em_evaluation_store_new (db);
  CHECK ((scorecard = em_shipped_scorecard_load ("hotline-call-qa.scorecard", &error)));
  CHECK ((version = em_scorecard_store_import (db, scorecard, "bench", NULL, &error)) > 0);
  em_db_ensure_agent (db, "A001", "王芳", 0, &error);
  CHECK (em_db_exec (db, "INSERT INTO calls (external_id, agent_id, started_at, utc_offset, duration_s) "
                         "VALUES ('C-1', 1, 1700000000, 28800, 300)", &error));

  answers = em_answers_new_for_scorecard (scorecard);
  em_item_answer_set_score (em_answers_ensure_item (answers, "attitude.warmth"), EM_POINTS (8));
  em_item_answer_set_result (em_answers_ensure_item (answers, "language.mandarin"), EM_ITEM_RESULT_FAIL);
  em_item_answer_set_note (em_answers_ensure_item (answers, "language.mandarin"), "方言较重");
  taboo = em_answers_ensure_item (answers, "language.taboo");
  CHECK ((id = em_evaluation_store_create (store, 1, version, "bench", answers, &error)) > 0);

  /* Every iteration changes an answer, as an inspector's edit would. */
  start = g_get_monotonic_time ();
  for (guint i = 0; i < n; i++)
    {
      em_item_answer_set_occurrences (taboo, 1 + i % 2);
      CHECK (em_evaluation_store_save (store, id, answers, "bench", &error));
    }
  changed_us = per_op_usec (start, n);

  start = g_get_monotonic_time ();
  for (guint i = 0; i < n; i++)
    CHECK (em_evaluation_store_save (store, id, answers, "bench", &error));
  unchanged_us = per_op_usec (start, n);

  start = g_get_monotonic_time ();
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EmScoreResult) result = em_score_result_new (scorecard, answers, EM_ANSWERS_CHECK_DRAFT,
                                                             NULL, &error);
      CHECK (result != NULL);
    }
  score_us = per_op_usec (start, n);

  /* The peer: the bare SQL write of the answers text. */
  CHECK ((update = em_db_prepare (db, "UPDATE evaluations SET answers = ?2, updated_at = ?3 WHERE id = ?1",
                                  &error)));
  start = g_get_monotonic_time ();
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = NULL;

      em_item_answer_set_occurrences (taboo, 1 + i % 2);
      text = em_answers_to_data (answers, NULL);
      CHECK (em_db_begin (db, &error));
      sqlite3_reset (update);
      sqlite3_bind_int64 (update, 1, id);
      sqlite3_bind_text (update, 2, text, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (update, 3, g_get_real_time () / G_USEC_PER_SEC);
      CHECK (sqlite3_step (update) == SQLITE_DONE);
      CHECK (em_db_commit (db, &error));
    }
  peer_us = per_op_usec (start, n);

  printf ("autosave of the hotline scorecard (%u items), %u iterations, WAL, synchronous=NORMAL\n",
          g_list_model_get_n_items (em_scorecard_get_items (scorecard)), n);
  printf ("  save, answers changed (score + rows + audit)  %8.1f µs\n", changed_us);
  printf ("  save, answers unchanged (nothing written)     %8.1f µs\n", unchanged_us);
  printf ("  scoring alone (live total in the form)        %8.1f µs\n", score_us);
  printf ("  peer: bare UPDATE of the answers text          %8.1f µs\n", peer_us);
  printf ("  ratio changed save / peer                     %8.2f\n", changed_us / peer_us);
  printf ("  ratio unchanged save / peer                   %8.2f\n", unchanged_us / peer_us);
  printf ("  share of a 2 s autosave period (changed)      %8.4f %%\n", changed_us / 2e6 * 100);

  g_clear_pointer (&update, sqlite3_finalize);
  g_clear_object (&store);
  g_clear_object (&db);
  g_unlink (path);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);
    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (dir);

  return 0;
}
