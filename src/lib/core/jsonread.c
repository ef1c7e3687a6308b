/*
 * jsonread.c — the JSON reader of jsonread.h: one pass of recursive descent
 * over the text, nodes and decoded strings bump-allocated from a list of
 * chunks that are freed together.  Every rule jansson applies is applied
 * here, and breaking one declines the text (see jsonread.h):
 *   - RFC 8259's grammar, white space being space, tab, newline and return;
 *   - a number: "-"?, "0" or a non-zero digit and digits, then "." digits
 *     and an exponent, each optional; without "." or exponent it is an
 *     integer and must fit a long long, else a real that must not overflow;
 *   - a string: no byte below 0x20, valid UTF-8 (no overlong form, no
 *     surrogate, nothing past U+10FFFF), the escapes \" \\ \/ \b \f \n \r \t
 *     and \uXXXX, surrogates only in pairs, never \u0000;
 *   - an object's keys each once;
 *   - nothing but white space after the value;
 *   - and one quirk: jansson reads one character past a number or a word
 *     (true, false, null) and puts it back, and a NUL byte put back is lost,
 *     so one NUL byte right after a number or a word is passed over.
 */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/jsonbytes.h"
#include "core/jsonread.h"
#include "core/utf8.h"

typedef struct chunk {
	struct chunk *next;
	size_t used, size;
	max_align_t data[];
} chunk;

struct ac_jr_doc {
	chunk *chunks;
};

typedef struct {
	const char *p, *end;
	int max_depth;
	int oom;
	ac_jr_doc *doc;
} reader;

/* n bytes from the arena, aligned for a node (strings share the arena, so
 * every piece is rounded up to a node's alignment). */
static void *take(reader *r, size_t n)
{
	const size_t align = _Alignof(ac_jr_node);
	n = (n + align - 1) / align * align;
	chunk *c = r->doc->chunks;
	if (!c || c->size - c->used < n) {
		size_t size = n > 8192 ? n : 8192;
		c = malloc(sizeof *c + size);
		if (!c) {
			r->oom = 1;
			return NULL;
		}
		c->next = r->doc->chunks;
		c->used = 0;
		c->size = size;
		r->doc->chunks = c;
	}
	void *at = (char *)c->data + c->used;
	c->used += n;
	return at;
}

static void skip_space(reader *r)
{
	while (r->p < r->end && (*r->p == ' ' || *r->p == '\n' || *r->p == '\r' || *r->p == '\t'))
		r->p++;
}

static int hex4(const char *s, unsigned *out)
{
	unsigned v = 0;
	for (int i = 0; i < 4; i++) {
		char c = s[i];
		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f')
			v |= (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			v |= (unsigned)(c - 'A' + 10);
		else
			return 0;
	}
	*out = v;
	return 1;
}

static char *put_utf8(char *o, unsigned cp)
{
	if (cp < 0x80) {
		*o++ = (char)cp;
	} else if (cp < 0x800) {
		*o++ = (char)(0xC0 | (cp >> 6));
		*o++ = (char)(0x80 | (cp & 0x3F));
	} else if (cp < 0x10000) {
		*o++ = (char)(0xE0 | (cp >> 12));
		*o++ = (char)(0x80 | ((cp >> 6) & 0x3F));
		*o++ = (char)(0x80 | (cp & 0x3F));
	} else {
		*o++ = (char)(0xF0 | (cp >> 18));
		*o++ = (char)(0x80 | ((cp >> 12) & 0x3F));
		*o++ = (char)(0x80 | ((cp >> 6) & 0x3F));
		*o++ = (char)(0x80 | (cp & 0x3F));
	}
	return o;
}

/* A string at r->p (just past its opening quote), decoded into the arena:
 * 0 when it breaks a rule.  The decoded text is never longer than the
 * written one (an escape of six or twelve bytes gives at most four). */
static int string(reader *r, const char **out, size_t *len)
{
	const char *p = r->p, *end = r->end;
	const char *q = p + ac_json_plain_run(p, end);
	/* The written string up to its closing quote (an escape's second byte
	 * skipped) bounds the decoded one; no quote: not a string. */
	const char *close = q;
	while (close < end && *close != '"')
		close += *close == '\\' ? 2 : 1;
	if (close >= end)
		return 0;
	char *o = take(r, (size_t)(close - p) + 1), *start = o;
	if (!o)
		return 0;
	memcpy(o, p, (size_t)(q - p));
	o += q - p;
	p = q;
	while (p < end) {
		unsigned char c = (unsigned char)*p;
		if (c == '"') {
			*o = '\0';
			*out = start;
			*len = (size_t)(o - start);
			r->p = p + 1;
			return 1;
		}
		if (c < 0x20)
			return 0;
		if (c >= 0x80) {
			size_t k = ac_utf8_seq(p, (size_t)(end - p));
			if (!k)
				return 0;
			memcpy(o, p, k);
			o += k;
			p += k;
			continue;
		}
		if (c != '\\') {
			*o++ = (char)c;
			p++;
			continue;
		}
		if (end - p < 2)
			return 0;
		char e = p[1];
		p += 2;
		switch (e) {
		case '"':
		case '\\':
		case '/': *o++ = e; break;
		case 'b': *o++ = '\b'; break;
		case 'f': *o++ = '\f'; break;
		case 'n': *o++ = '\n'; break;
		case 'r': *o++ = '\r'; break;
		case 't': *o++ = '\t'; break;
		case 'u': {
			unsigned cp, lo;
			if (end - p < 4 || !hex4(p, &cp))
				return 0;
			p += 4;
			if (cp == 0 || (cp >= 0xDC00 && cp <= 0xDFFF))
				return 0;
			if (cp >= 0xD800 && cp <= 0xDBFF) {
				if (end - p < 6 || p[0] != '\\' || p[1] != 'u' || !hex4(p + 2, &lo) || lo < 0xDC00 ||
				    lo > 0xDFFF)
					return 0;
				p += 6;
				cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
			}
			o = put_utf8(o, cp);
			break;
		}
		default: return 0;
		}
	}
	return 0;
}

/* Past the character jansson looks at after a number or a word. */
static void after_lookahead(reader *r)
{
	if (r->p < r->end && *r->p == '\0')
		r->p++;
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* strtod went past the largest double (an underflow is kept, as jansson
 * keeps it). */
static int overflow(double d)
{
	return errno == ERANGE && (d == HUGE_VAL || d == -HUGE_VAL);
}

/* A number at r->p, with jansson's syntax and limits. */
static int number(reader *r, ac_jr_node *v)
{
	const char *p = r->p, *end = r->end, *start = p;
	if (p < end && *p == '-')
		p++;
	if (p >= end || !is_digit(*p))
		return 0;
	if (*p == '0')
		p++;
	else
		while (p < end && is_digit(*p))
			p++;
	int real = 0;
	if (p < end && *p == '.') {
		real = 1;
		p++;
		if (p >= end || !is_digit(*p))
			return 0;
		while (p < end && is_digit(*p))
			p++;
	}
	if (p < end && (*p == 'e' || *p == 'E')) {
		real = 1;
		p++;
		if (p < end && (*p == '+' || *p == '-'))
			p++;
		if (p >= end || !is_digit(*p))
			return 0;
		while (p < end && is_digit(*p))
			p++;
	}
	/* A NUL-terminated copy for strtoll and strtod: on the stack, or for a
	 * long real in the arena. */
	char buf[64], *copy = buf;
	size_t n = (size_t)(p - start);
	if (n >= sizeof buf) {
		if (!real)
			return 0; /* more than 19 digits cannot fit a long long */
		if (!(copy = take(r, n + 1)))
			return 0;
	}
	memcpy(copy, start, n);
	copy[n] = '\0';
	errno = 0;
	if (real) {
		v->type = AC_JR_REAL;
		v->d = strtod(copy, NULL);
		if (overflow(v->d))
			return 0;
	} else {
		v->type = AC_JR_INT;
		v->i = strtoll(copy, NULL, 10);
		if (errno == ERANGE)
			return 0;
	}
	r->p = p;
	after_lookahead(r);
	return 1;
}

static int literal(reader *r, const char *word, size_t n)
{
	if ((size_t)(r->end - r->p) < n || memcmp(r->p, word, n) != 0)
		return 0;
	r->p += n;
	after_lookahead(r);
	return 1;
}

static int value(reader *r, ac_jr_node *v, int depth);

/* The members of an object or an array, r->p just past its bracket. */
static int members(reader *r, ac_jr_node *v, int depth, char close)
{
	ac_jr_node **tail = (ac_jr_node **)&v->first;
	skip_space(r);
	if (r->p < r->end && *r->p == close) {
		r->p++;
		return 1;
	}
	for (;;) {
		ac_jr_node *m = take(r, sizeof *m);
		if (!m)
			return 0;
		memset(m, 0, sizeof *m);
		if (close == '}') {
			if (r->p >= r->end || *r->p != '"')
				return 0;
			r->p++;
			size_t key_n;
			if (!string(r, &m->key, &key_n))
				return 0;
			m->key_n = (unsigned)key_n; /* the text is at most 1 MiB */
			for (const ac_jr_node *o = v->first; o; o = o->next)
				if (o->key_n == m->key_n && memcmp(o->key, m->key, m->key_n) == 0)
					return 0; /* a key given twice */
			skip_space(r);
			if (r->p >= r->end || *r->p != ':')
				return 0;
			r->p++;
			skip_space(r);
		}
		if (!value(r, m, depth + 1))
			return 0;
		*tail = m;
		tail = (ac_jr_node **)&m->next;
		v->n++;
		skip_space(r);
		if (r->p >= r->end)
			return 0;
		if (*r->p == close) {
			r->p++;
			return 1;
		}
		if (*r->p != ',')
			return 0;
		r->p++;
		skip_space(r);
	}
}

/* One value at r->p (white space before it skipped). */
static int value(reader *r, ac_jr_node *v, int depth)
{
	if (depth > r->max_depth || r->p >= r->end)
		return 0;
	switch (*r->p) {
	case '{':
		r->p++;
		v->type = AC_JR_OBJECT;
		return members(r, v, depth, '}');
	case '[':
		r->p++;
		v->type = AC_JR_ARRAY;
		return members(r, v, depth, ']');
	case '"':
		r->p++;
		v->type = AC_JR_STRING;
		return string(r, &v->s, &v->n);
	case 't': v->type = AC_JR_TRUE; return literal(r, "true", 4);
	case 'f': v->type = AC_JR_FALSE; return literal(r, "false", 5);
	case 'n': v->type = AC_JR_NULL; return literal(r, "null", 4);
	default: return number(r, v);
	}
}

static ac_status parse(const char *text, size_t len, int max_depth, int any, ac_jr_doc **doc, const ac_jr_node **root)
{
	*doc = NULL;
	*root = NULL;
	if (len >= UINT_MAX)
		return AC_EINPUT; /* a key's length must fit its node; profiles stop at 1 MiB */
	reader r = {text, text + len, max_depth, 0, calloc(1, sizeof(ac_jr_doc))};
	if (!r.doc)
		return AC_ENOMEM;
	skip_space(&r);
	ac_jr_node *top = take(&r, sizeof *top);
	int ok = top && r.p < r.end && (any || *r.p == '{');
	if (ok) {
		memset(top, 0, sizeof *top);
		ok = value(&r, top, 0);
	}
	skip_space(&r);
	if (!ok || r.p != r.end || r.oom) {
		ac_jr_free(r.doc);
		return r.oom ? AC_ENOMEM : AC_EINPUT;
	}
	*doc = r.doc;
	*root = top;
	return AC_OK;
}

ac_status ac_jr_parse(const char *text, size_t len, int max_depth, ac_jr_doc **doc, const ac_jr_node **root)
{
	return parse(text, len, max_depth, 0, doc, root);
}

ac_status ac_jr_parse_any(const char *text, size_t len, int max_depth, ac_jr_doc **doc, const ac_jr_node **root)
{
	return parse(text, len, max_depth, 1, doc, root);
}

void ac_jr_free(ac_jr_doc *doc)
{
	if (!doc)
		return;
	for (chunk *c = doc->chunks, *next; c; c = next) {
		next = c->next;
		free(c);
	}
	free(doc);
}

const ac_jr_node *ac_jr_get(const ac_jr_node *obj, const char *key)
{
	for (const ac_jr_node *m = obj->first; m; m = m->next) /* the first byte before the call */
		if (m->key[0] == key[0] && strcmp(m->key, key) == 0)
			return m;
	return NULL;
}
