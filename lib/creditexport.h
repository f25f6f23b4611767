/*
 * creditexport: the credit push (信息推送 to 信用中国). The enterprises that missed their exit
 * deadline, that is the entries of the closing lists (violation, elimination, forced_exit)
 * still in notice (公示: the exit neither completed nor announced, nor withdrawn) whose
 * deadline is past, as one XML document whose record elements carry the data items of the
 * national 行政处罚 public-credit data standard (双公示 行政处罚信息, the CF_* item codes) in its
 * order: every required item (missing="1" when our data has no value) and the optional ones
 * our data has; README, "The credit push", maps each item to its column and says where the
 * item list comes from.
 *
 * The one writer of that document: `jubaoctl credit-export` (the whole province) and the
 * publisher's download in the console (the publisher's area) both call credit_export(). An
 * entry never carries anything about a reporter, and nothing of the case it follows is read.
 */
#ifndef JUBAO_CREDITEXPORT_H
#define JUBAO_CREDITEXPORT_H

#include <libxml/xmlIO.h>

#include "db.h"

/* Write the export of the entries whose department lies in area (a region prefix: "22",
 * "2201"; "" everywhere) and whose deadline is before today ("YYYY-MM-DD") to out, which
 * this call consumes (closed, whatever the outcome). *records: how many it holds. DB_OK, a db
 * error, or DB_FAIL when the document could not be written (logged). */
int credit_export(struct db *, const char *today, const char *area, xmlOutputBufferPtr out,
    unsigned long *records);

#endif
