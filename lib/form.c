/* form: see form.h. */
#include <string.h>

#include "calendar.h"
#include "crypto.h"
#include "form.h"
#include "render.h"
#include "validate.h"

static bool
all_blank(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		/* U+3000, the ideographic space a Chinese keyboard types, is blank too. */
		if (len - i >= 3 && memcmp(s + i, "\xe3\x80\x80", 3) == 0) {
			i += 2;
			continue;
		}
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
			return false;
	}
	return true;
}

#define ID_MAX ((int64_t)1 << 53)

bool
form_parse_int(const char *v, size_t len, int64_t min, int64_t max, int64_t *out)
{
	bool neg = len > 0 && v[0] == '-';
	size_t i = neg ? 1 : 0;
	uint64_t n = 0, limit = neg ? (uint64_t)0 - (uint64_t)min : (uint64_t)max;

	if (i == len || len - i > 19 || (neg && min >= 0))
		return false;
	if (v[i] == '0' && len - i > 1)
		return false;             /* no leading zeros: one spelling per number */
	for (; i < len; i++) {
		if (v[i] < '0' || v[i] > '9')
			return false;
		n = n * 10 + (uint64_t)(v[i] - '0');
		if (n > limit)
			return false;     /* checked per digit: 19 digits cannot wrap */
	}
	if (neg && n == 0)
		return false;
	*out = neg ? (int64_t)(0 - n) : (int64_t)n;
	return *out >= min && *out <= max;
}

/* After a field passed its check: the typed value the handler reads. */
static void
convert(struct arena *a, const struct form_key *k, struct form_field *f)
{
	char t[17], code[9];

	if (k->check == form_int)
		(void)form_parse_int(f->value, f->len, k->imin, k->imax, &f->num);
	else if (k->check == form_id)
		(void)form_parse_int(f->value, f->len, 1, ID_MAX, &f->num);
	else if (k->check == form_ticket && ticket_parse(f->value, f->len, t)) {
		f->value = arena_strdup(a, t);
		f->len = 16;
	} else if (k->check == form_code && code_parse(f->value, f->len, code)) {
		f->value = arena_strdup(a, code);
		f->len = 8;
	}
}

static const char *
check_one(const struct form_key *k, const char *v, size_t len)
{
	size_t chars;

	/* The parser already refused invalid UTF-8 and control characters other than line
	 * breaks and tabs; a single-line field refuses those too. */
	if (!text_clean(v, len, (k->flags & FORM_MULTILINE) != 0))
		return k->message;
	chars = utf8_count(v, len);
	if ((k->min > 0 && chars < k->min) || (k->max > 0 && chars > k->max))
		return k->message;
	if (k->check != NULL && !k->check(k, v, len))
		return k->message;
	return NULL;
}

unsigned
form_validate(struct arena *a, const struct form_key *keys, size_t nkeys,
    const struct params *ps, struct form_field *out)
{
	unsigned errors = 0;
	size_t i;

	for (i = 0; i < nkeys; i++) {
		const struct form_key *k = &keys[i];
		struct form_field *f = &out[i];
		const struct param *p;
		unsigned n = params_count(ps, k->name), j = 0;

		memset(f, 0, sizeof(*f));
		if (n > 1 && !(k->flags & FORM_MULTI)) {
			f->error = k->message;
			errors++;
			continue;
		}
		if (k->flags & FORM_MULTI)
			f->values = arena_alloc(a, (n + 1) * sizeof(*f->values));
		for (p = ps->head; p != NULL; p = p->next) {
			if (p->filename != NULL || strcmp(p->name, k->name) != 0)
				continue;
			if (p->len == 0 || all_blank(p->value, p->len))
				continue;       /* an empty field is an absent one */
			if (f->error == NULL)
				f->error = check_one(k, p->value, p->len);
			if (f->value == NULL) {
				f->value = p->value;
				f->len = p->len;
			}
			if (k->flags & FORM_MULTI) {
				/* the same checkbox twice is one choice */
				bool dup = false;
				for (unsigned d = 0; d < j; d++)
					if (strcmp(f->values[d], p->value) == 0)
						dup = true;
				if (!dup)
					f->values[j++] = p->value;
			}
		}
		f->nvalues = (k->flags & FORM_MULTI) ? j : (f->value != NULL);
		if (f->value != NULL && f->error == NULL && !(k->flags & FORM_MULTI))
			convert(a, k, f);
		if (f->value == NULL && (k->flags & FORM_REQUIRED))
			f->error = k->message;
		if (f->error != NULL)
			errors++;
	}
	return errors;
}

void
form_fail(struct form_field *f, const char *message)
{
	if (f->error == NULL)
		f->error = message;
}

bool
form_choice(const struct form_key *k, const char *v, size_t len)
{
	const struct option *o;

	for (o = k->choices; o != NULL && o->value != NULL; o++)
		if (strlen(o->value) == len && memcmp(o->value, v, len) == 0)
			return true;
	return false;
}

bool
form_phone(const struct form_key *k, const char *v, size_t len)
{
	(void)k;
	return valid_phone(v, len);
}

bool
form_id_number(const struct form_key *k, const char *v, size_t len)
{
	(void)k;
	return valid_id_number(v, len);
}

bool
form_credit_code(const struct form_key *k, const char *v, size_t len)
{
	(void)k;
	return valid_credit_code(v, len);
}

bool
form_email(const struct form_key *k, const char *v, size_t len)
{
	(void)k;
	return valid_email(v, len);
}

bool
form_digits(const struct form_key *k, const char *v, size_t len)
{
	(void)k;
	return strspn(v, "0123456789") == len;
}

bool
form_int(const struct form_key *k, const char *v, size_t len)
{
	int64_t n;

	return form_parse_int(v, len, k->imin, k->imax, &n);
}

bool
form_id(const struct form_key *k, const char *v, size_t len)
{
	int64_t n;

	(void)k;
	return form_parse_int(v, len, 1, ID_MAX, &n);
}

bool
form_date(const struct form_key *k, const char *v, size_t len)
{
	cal_day d;

	(void)k;
	return cal_parse(v, len, &d);
}

bool
form_ticket(const struct form_key *k, const char *v, size_t len)
{
	char t[17];

	(void)k;
	return ticket_parse(v, len, t);
}

bool
form_code(const struct form_key *k, const char *v, size_t len)
{
	char code[9];

	(void)k;
	return code_parse(v, len, code);
}

void
form_options_xml(xmlNodePtr parent, const char *name, const struct option *o)
{
	xmlNodePtr list = xml_add(parent, name, NULL);

	for (; o->value != NULL; o++)
		xml_attr(xml_add(list, "option", o->label), "value", o->value);
}

void
form_values_xml(xmlNodePtr parent, const struct form_key *keys, size_t nkeys,
    const struct params *ps)
{
	xmlNodePtr values = xml_add(parent, "values", NULL);
	const struct param *p;
	size_t i;

	for (p = ps->head; p != NULL; p = p->next) {
		if (p->filename != NULL)
			continue;
		for (i = 0; i < nkeys; i++)
			if (strcmp(keys[i].name, p->name) == 0 && !(keys[i].flags & FORM_SECRET))
				break;
		if (i == nkeys)
			continue;
		xml_attr(xml_addn(values, "value", p->value, p->len), "name", p->name);
	}
}

void
form_errors_xml(xmlNodePtr parent, const struct form_key *keys, size_t nkeys,
    const struct form_field *f)
{
	size_t i;

	for (i = 0; i < nkeys; i++)
		if (f[i].error != NULL)
			xml_attr(xml_add(parent, "field", f[i].error), "name", keys[i].name);
}

const char *
option_label(const struct option *o, const char *value)
{
	for (; o->value != NULL; o++)
		if (strcmp(o->value, value) == 0)
			return o->label;
	return value;
}

void
form_limits_xml(xmlNodePtr parent, const struct form_key *keys, size_t nkeys)
{
	xmlNodePtr lim = NULL, n;
	size_t i;

	for (n = parent->children; n != NULL && lim == NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE && xmlStrEqual(n->name, (const xmlChar *)"limits"))
			lim = n;
	if (lim == NULL)
		lim = xml_add(parent, "limits", NULL);
	for (i = 0; i < nkeys; i++) {
		if (keys[i].max == 0 || (keys[i].flags & FORM_SECRET))
			continue;
		n = xml_add(lim, "limit", NULL);
		xml_attr(n, "name", keys[i].name);
		xml_attr_int(n, "min", (long long)keys[i].min);
		xml_attr_int(n, "max", (long long)keys[i].max);
	}
}
