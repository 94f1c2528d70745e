/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "em-db.h"

G_BEGIN_DECLS

/* Monthly sampling plans (抽检), DESIGN.md §6, after seed 003's
 * 客服中心质检规范 (二)质检方法 — see em-sampling.c for the rules and the
 * decisions taken where the seed is silent.
 *
 * A plan is stored in sampling_plans (month, seed, the rules as key-file
 * text) and sampled_calls (one row per call: its reasons and inspector).
 * Drawing again with the same seed on the same data gives the same plan.
 */

/* Why a call is in the plan.  A call drawn for several reasons is stored
 * once with all of them; the tokens are joined with ',' in this order.
 */
typedef enum
{
  EM_SAMPLING_REASON_NONE         = 0,
  EM_SAMPLING_REASON_QUOTA        = 1 << 0, /* "quota": 1 % of last month's calls, at least the minimum */
  EM_SAMPLING_REASON_EXEMPT_QUOTA = 1 << 1, /* "exempt-quota": the reduced draw after full-score months */
  EM_SAMPLING_REASON_SHORT        = 1 << 2, /* "short": shorter than 20 s */
  EM_SAMPLING_REASON_LONG_SLOW    = 1 << 3, /* "long-slow-half-hour": > 200 s in a half-hour below target */
  EM_SAMPLING_REASON_NEIGHBOUR    = 1 << 4, /* "neighbour": just before or after a call with a problem */
} EmSamplingReason;

#define EM_SAMPLING_REASON_ALL ((EmSamplingReason) 0x1f)

/* The rule parameters, stored with each plan.  Percentages are in basis
 * points (hundredths of a percent: 100 = 1 %) so they compare exactly.
 */
typedef struct
{
  guint quota_bp;        /* share of the agent's previous-month calls; 100 */
  guint minimum;         /* quota floor per agent; 5 */
  guint short_seconds;   /* duration below this is "short"; 20 */
  guint long_seconds;    /* duration above this is "long"; 200 */
  guint answer_seconds;  /* answered in time when wait <= this; 20 */
  guint answer_target_bp;/* a half-hour below this answer rate is slow; 8000 */
  guint slot_minutes;    /* length of the answer-rate periods; 30 */
  guint exempt_months;   /* consecutive full-score months that earn the reduced draw; 2 (0: never) */
  guint exempt_count;    /* the reduced draw; 5 */
} EmSamplingRules;

typedef struct
{
  gint64            id;
  char             *month;       /* YYYY-MM */
  gint64            seed;        /* >= 0 */
  EmSamplingRules   rules;
  char            **inspectors;  /* in assignment order; empty (never NULL) when none */
  gint64            created_at;  /* UTC unix seconds */
  char             *created_by;
  guint             n_calls;
} EmSamplingPlan;

typedef struct
{
  gint64            call_id;     /* calls.id */
  char             *external_id; /* the platform's call id */
  char             *agent_code;
  char             *agent_name;
  gint64            started_at;  /* UTC */
  int               utc_offset;
  guint             duration_s;
  EmSamplingReason  reasons;
  char             *inspector;   /* NULL: unassigned */
  int               status;      /* most advanced evaluation by the assigned inspector (by
                                  * anyone when unassigned): -1 none, 0 draft, 1 submitted,
                                  * 2 finalised */
} EmSampledCall;

typedef struct
{
  char  *inspector;              /* NULL: the unassigned calls */
  guint  assigned;
  guint  evaluated;              /* submitted or finalised by that inspector */
  guint  remaining;              /* assigned - evaluated */
} EmSamplingProgress;

void            em_sampling_rules_init         (EmSamplingRules        *rules);
gboolean        em_sampling_rules_check        (const EmSamplingRules  *rules,
                                                GError                **error);

gboolean        em_sampling_parse_month        (const char             *text,
                                                int                    *out_year,
                                                int                    *out_month,
                                                GError                **error);
char          **em_sampling_parse_inspectors   (const char             *text);
char          **em_sampling_dup_inspectors     (EmDb                   *db);
gboolean        em_sampling_set_inspectors     (EmDb                   *db,
                                                const char * const     *inspectors,
                                                GError                **error);
gint64          em_sampling_new_seed           (void);

const char     *em_sampling_reason_to_token    (EmSamplingReason        reason);
const char     *em_sampling_reason_get_label   (EmSamplingReason        reason);
char           *em_sampling_reasons_to_string  (EmSamplingReason        reasons);
gboolean        em_sampling_reasons_parse      (const char             *text,
                                                EmSamplingReason       *out_reasons);

EmSamplingPlan *em_sampling_plan_create        (EmDb                   *db,
                                                const char             *month,
                                                gint64                  seed,
                                                const EmSamplingRules  *rules,
                                                const char * const     *inspectors,
                                                const char             *actor,
                                                GError                **error);
EmSamplingPlan *em_sampling_plan_update        (EmDb                   *db,
                                                const char             *month,
                                                const char             *actor,
                                                GError                **error);
EmSamplingPlan *em_sampling_plan_load          (EmDb                   *db,
                                                const char             *month,
                                                GError                **error);
char          **em_sampling_list_months        (EmDb                   *db,
                                                GError                **error);
GPtrArray      *em_sampling_plan_list_calls    (EmDb                   *db,
                                                const EmSamplingPlan   *plan,
                                                const char             *inspector,
                                                GError                **error);
GPtrArray      *em_sampling_plan_get_progress  (EmDb                   *db,
                                                const EmSamplingPlan   *plan,
                                                GError                **error);

void            em_sampling_plan_free          (EmSamplingPlan         *plan);
void            em_sampled_call_free           (EmSampledCall          *call);
void            em_sampling_progress_free      (EmSamplingProgress     *progress);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EmSamplingPlan, em_sampling_plan_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EmSampledCall, em_sampled_call_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EmSamplingProgress, em_sampling_progress_free)

G_END_DECLS
