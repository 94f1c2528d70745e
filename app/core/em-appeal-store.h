/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "em-evaluation-store.h"

G_BEGIN_DECLS

/* Appeals (申诉, DESIGN.md §5): an agent disputes deductions of a
 * finalised evaluation; an inspector or lead enters the appeal on the
 * agent's behalf, and a lead decides each disputed item.
 *
 * - An appeal names one or more items that cost points (a deduction, or
 *   a fatal item that fired) and a reason.  Only a finalised evaluation
 *   can be appealed, it can have one open appeal at a time, and an item
 *   decided in an earlier appeal cannot be appealed again.
 * - Each item is decided once: upheld (the deduction stands) or
 *   overturned (em_answers_waive_item(): the item costs nothing).
 * - Deciding the last pending item closes the appeal: the overturned
 *   items are waived together and the evaluation is re-scored against its
 *   own scorecard revision (em_evaluation_store_amend()), once.  The
 *   appeal keeps the total before and after.
 *
 * Every step is one transaction with its rows in audit_log (who, when,
 * which items, which decision, the total before → after).
 */

/* appeals.status */
typedef enum
{
  EM_APPEAL_OPEN    = 0,
  EM_APPEAL_DECIDED = 1,
} EmAppealStatus;

/* appeal_items.decision */
typedef enum
{
  EM_APPEAL_PENDING    = 0,
  EM_APPEAL_UPHELD     = 1,   /* the deduction stands */
  EM_APPEAL_OVERTURNED = 2,   /* the deduction is removed */
} EmAppealDecision;

typedef struct
{
  char             *item_id;
  EmAppealDecision  decision;
  char             *decided_by;   /* NULL while pending */
  gint64            decided_at;   /* unix seconds; 0 while pending */
  char             *comment;      /* nullable */
} EmAppealItem;

typedef struct
{
  gint64          id;
  gint64          evaluation_id;
  char           *reason;
  char           *filed_by;
  gint64          filed_at;
  EmAppealStatus  status;
  EmPoints        total_before;
  EmPoints        total_after;    /* -1 while open */
  GArray         *items;          /* of EmAppealItem, in the order filed */
} EmAppeal;

/* One item's decision, for em_appeal_store_decide_items(). */
typedef struct
{
  const char       *item_id;
  EmAppealDecision  decision;
} EmAppealRuling;

#define EM_TYPE_APPEAL_STORE (em_appeal_store_get_type ())

G_DECLARE_FINAL_TYPE (EmAppealStore, em_appeal_store, EM, APPEAL_STORE, GObject)

EmAppealStore *em_appeal_store_new                 (EmEvaluationStore     *evaluations);
EmEvaluationStore *em_appeal_store_get_evaluations (EmAppealStore         *self);

GPtrArray     *em_appeal_store_list_appealable     (EmAppealStore         *self,
                                                    gint64                 evaluation_id,
                                                    GError               **error);
gint64         em_appeal_store_file                (EmAppealStore         *self,
                                                    gint64                 evaluation_id,
                                                    const char * const    *item_ids,
                                                    const char            *reason,
                                                    const char            *filed_by,
                                                    GError               **error);
gboolean       em_appeal_store_decide              (EmAppealStore         *self,
                                                    gint64                 appeal_id,
                                                    const char            *item_id,
                                                    EmAppealDecision       decision,
                                                    const char            *comment,
                                                    const char            *decided_by,
                                                    GError               **error);
gboolean       em_appeal_store_decide_items        (EmAppealStore         *self,
                                                    gint64                 appeal_id,
                                                    const EmAppealRuling  *rulings,
                                                    guint                  n_rulings,
                                                    const char            *comment,
                                                    const char            *decided_by,
                                                    GError               **error);
gboolean       em_appeal_store_preview             (EmAppealStore         *self,
                                                    gint64                 appeal_id,
                                                    const EmAppealRuling  *rulings,
                                                    guint                  n_rulings,
                                                    EmPoints              *out_total,
                                                    GError               **error);

EmAppeal      *em_appeal_store_load                (EmAppealStore         *self,
                                                    gint64                 appeal_id,
                                                    GError               **error);
GPtrArray     *em_appeal_store_list_for_evaluation (EmAppealStore         *self,
                                                    gint64                 evaluation_id,
                                                    GError               **error);
gint64         em_appeal_store_find_open           (EmAppealStore         *self,
                                                    gint64                 evaluation_id,
                                                    GError               **error);

const EmAppealItem *em_appeal_lookup_item          (const EmAppeal        *appeal,
                                                    const char            *item_id);
guint          em_appeal_count_decision            (const EmAppeal        *appeal,
                                                    EmAppealDecision       decision);
void           em_appeal_free                      (EmAppeal              *appeal);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EmAppeal, em_appeal_free)

G_END_DECLS
