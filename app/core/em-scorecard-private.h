/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "em-localized.h"
#include "em-scorecard.h"

G_BEGIN_DECLS

/* The parser in em-scorecard.c fills these in; once built, a scorecard and
 * its sections and items never change.
 */

typedef struct
{
  EmLocalized *label;
  EmPoints     points;
} EmItemOption;

struct _EmScorecardItem
{
  GObject       parent_instance;

  char         *id;
  char         *section_id;      /* NULL: acts on the base score */
  EmLocalized  *title;
  EmItemKind    kind;
  EmPoints      points;          /* choice: the best option's when not given */
  EmPoints      per_occurrence;
  guint         complaint_multiplier;
  EmFatalScope  scope;
  EmLocalized  *guidance;        /* nullable */
  GPtrArray    *options;         /* EmItemOption, choice items */
};

struct _EmScorecardSection
{
  GObject      parent_instance;

  char        *id;
  EmLocalized *title;
  EmPoints     points;           /* 0: no allotment, no cap */
  EmLocalized *guidance;         /* nullable */
  GListStore  *items;
};

EmScorecardItem    *em_scorecard_item_new_internal    (const char *id);
EmScorecardSection *em_scorecard_section_new_internal (const char *id);
void                em_item_option_free               (EmItemOption *option);

G_END_DECLS
