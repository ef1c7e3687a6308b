/*
 * vault.c — a server's store (ac_vault_*): records saved through the
 * history's own statements (hist_write, HIST_SELECT) in SQLite or
 * PostgreSQL, each under a random 128-bit token its client is given, and
 * found only by it.  One mutex keeps the calls of several threads apart.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "history/backend.h"

struct ac_vault {
	pthread_mutex_t mu;
	ac_history *h; /* the SQLite file, or NULL */
	hist_backend *b;
};

ac_status ac_vault_open(const char *where, ac_vault **out, ac_diags *diags)
{
	*out = NULL;
	ac_vault *st = calloc(1, sizeof *st);
	if (!st) {
		ac_diags_add(diags, NULL, NULL, 0, 0, "out of memory");
		return AC_ENOMEM;
	}
	pthread_mutex_init(&st->mu, NULL);
	ac_status s;
	if (strncmp(where, "postgresql://", 13) == 0 || strncmp(where, "postgres://", 11) == 0)
		s = hist_backend_pg(where, &st->b, diags);
	else if ((s = ac_history_open(where, 1, &st->h, diags)) == AC_OK)
		s = hist_backend_sqlite(st->h, &st->b, diags);
	if (s != AC_OK) {
		ac_vault_close(st);
		return s;
	}
	*out = st;
	return AC_OK;
}

void ac_vault_close(ac_vault *st)
{
	if (!st)
		return;
	if (st->b)
		st->b->close(st->b);
	ac_history_close(st->h);
	pthread_mutex_destroy(&st->mu);
	free(st);
}

/* 128 random bits from the kernel, as hex. */
static int new_token(char token[AC_VAULT_TOKEN_LEN + 1])
{
	unsigned char raw[AC_VAULT_TOKEN_LEN / 2];
	int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
	size_t got = 0;
	while (fd >= 0 && got < sizeof raw) {
		ssize_t n = read(fd, raw + got, sizeof raw - got);
		if (n <= 0 && errno != EINTR)
			break;
		got += n > 0 ? (size_t)n : 0;
	}
	if (fd >= 0)
		close(fd);
	if (got < sizeof raw)
		return -1;
	for (size_t i = 0; i < sizeof raw; i++)
		snprintf(token + 2 * i, 3, "%02x", raw[i]);
	return 0;
}

/* 1 when token has the form of one (so nothing else reaches the query). */
static int is_token(const char *token)
{
	if (!token || strlen(token) != AC_VAULT_TOKEN_LEN)
		return 0;
	for (const char *p = token; *p; p++)
		if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f')))
			return 0;
	return 1;
}

static ac_status unknown(const char *token, ac_diags *diags)
{
	(void)token;
	ac_diags_add(diags, NULL, NULL, 0, 0,
		     "found no saved assessment with this id, expected the id given when "
		     "it was saved");
	return AC_ENOTFOUND;
}

ac_status ac_vault_save(ac_vault *st, ac_session *s, const ac_profile *p, const ac_assessment *a,
			const ac_history_save_options *o, char token[AC_VAULT_TOKEN_LEN + 1], ac_diags *diags)
{
	if (new_token(token) != 0) {
		ac_diags_add(diags, NULL, NULL, 0, 0, "saving: no random numbers from the system");
		return AC_EIO;
	}
	pthread_mutex_lock(&st->mu);
	ac_status s2 = hist_write(st->b, s, p, a, o, token, NULL, diags);
	pthread_mutex_unlock(&st->mu);
	return s2;
}

ac_status ac_vault_get(ac_vault *st, const char *token, char **out, size_t *len, ac_diags *diags)
{
	*out = NULL;
	if (!is_token(token))
		return unknown(token, diags);
	char *cols[HIST_COLUMNS] = {0};
	int found = 0;
	const char *vals[] = {token};
	pthread_mutex_lock(&st->mu);
	ac_status s = st->b->query(st->b, HIST_SELECT " WHERE a.token = $1", vals, 1, cols, HIST_COLUMNS, &found,
				   "reading the store", diags);
	pthread_mutex_unlock(&st->mu);
	if (s != AC_OK || !found) {
		for (int i = 0; i < HIST_COLUMNS; i++)
			free(cols[i]);
		return s != AC_OK ? s : unknown(token, diags);
	}
	hist_record r;
	hist_record_from(cols, &r);
	strbuf sb;
	sb_init(&sb);
	hist_record_json(&sb, &r, token);
	hist_record_free(&r);
	*out = sb_take(&sb, len);
	return *out ? AC_OK : AC_ENOMEM;
}

ac_status ac_vault_forget(ac_vault *st, const char *token, ac_diags *diags)
{
	if (!is_token(token))
		return unknown(token, diags);
	char *id = NULL;
	int found = 0;
	const char *vals[] = {token};
	pthread_mutex_lock(&st->mu);
	ac_status s = st->b->query(st->b, "DELETE FROM assessments WHERE token = $1 RETURNING id", vals, 1, &id, 1,
				   &found, "forgetting", diags);
	pthread_mutex_unlock(&st->mu);
	free(id);
	return s != AC_OK ? s : found ? AC_OK : unknown(token, diags);
}
