/*
 * region: the administrative division codes (GB/T 2260) as the platform uses them. A code is six
 * digits: two for the province, two for the city, two for the county; a province ends in 0000,
 * a city in 00. A user's or department's area is the code's significant prefix ("22", "2201" or
 * "220102"), and a case is in the area when its region starts with that prefix. Pure: no
 * database, no state; every function takes the code and returns into the caller's buffers.
 */
#ifndef JUBAO_REGION_H
#define JUBAO_REGION_H

#include <stdbool.h>
#include <stddef.h>

enum region_level { REGION_PROVINCE, REGION_CITY, REGION_COUNTY, REGION_INVALID };

/* Six ASCII digits, NUL-terminated. */
bool region_code_ok(const char *code);
/* Province, city or county; REGION_INVALID when the code is not six digits. */
enum region_level region_level(const char *code);
/* The code's province ("220000") and city ("220100"; a province is its own city). out[7]. */
void region_province(const char *code, char out[7]);
void region_city(const char *code, char out[7]);
/* One level up: a county's city, a city's province; a province is its own. out may be code. */
void region_parent(const char *code, char out[7]);
/* The area prefix: "220000" -> "22", "220100" -> "2201", "220102" -> "220102". A string that is
 * not a code is copied as it is (at most 6 bytes). */
void region_prefix(const char *code, char out[7]);
/* Is code inside the area named by prefix (a prefix of "" is everywhere)? */
bool region_in(const char *code, const char *prefix);
/* The codes a display name is made of, top down: province, then city, then county, each only
 * when it is a level of its own. Returns how many (0 for an invalid code). */
size_t region_chain(const char *code, char out[3][7]);

#endif
