/*
 * textlimits: every limit on a free text, in characters (code points), declared once. The key
 * tables enforce them at input with a message beside the field, and the columns hold them
 * (sql/008_text_limits.sql): nothing is cut on the way to the database.
 */
#ifndef JUBAO_TEXTLIMITS_H
#define JUBAO_TEXTLIMITS_H

#define LIMIT_DESCRIPTION  5000       /* report.description (TEXT) */
#define LIMIT_REPLY        5000       /* the reporter's supplement: an event (TEXT) */
#define LIMIT_ACTION_TEXT  5000       /* a case action's text: a public event, a staff note or
                                       * the feedback draft (all TEXT) */
#define LIMIT_FINDINGS     5000       /* inspection findings, inside a note (TEXT) */
#define LIMIT_TEAM         200        /* the inspection team, inside a note */
#define LIMIT_SEARCH       100        /* a search in the console */

#endif
