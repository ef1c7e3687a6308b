/*
 * atomic.c — whole-or-nothing files for every command that writes one (batch
 * output, a saved interview, a starter profile): the text goes to a
 * temporary file beside the target, is flushed to disk, and is renamed over
 * the target only when all of it was written; on any failure it is removed.
 * A device, a pipe or a socket is written to as it is, never replaced.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

int cli_atomic_open(cli_atomic_file *a, const char *path)
{
	a->path = path;
	a->tmp = NULL;
	a->stream = 0;
	/* A device, a pipe or a socket takes the text as it comes: a file
	 * renamed over it would put an ordinary file in its place (over
	 * /dev/null, for one). */
	struct stat st;
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
		if (!(a->f = fopen(path, "wb"))) {
			cli_error("%s: cannot write: %s", path, strerror(errno));
			return CLI_EXIT_FAIL;
		}
		a->stream = 1;
		return -1;
	}
	size_t n = strlen(path) + 16;
	a->tmp = malloc(n);
	if (!a->tmp) {
		cli_error("out of memory");
		return CLI_EXIT_FAIL;
	}
	snprintf(a->tmp, n, "%s.tmp-XXXXXX", path);
	int fd = mkstemp(a->tmp);
	if (fd < 0) {
		cli_error("%s: cannot create: %s", path, strerror(errno));
		free(a->tmp);
		a->tmp = NULL;
		return CLI_EXIT_FAIL;
	}
	mode_t mask = umask(0);
	umask(mask);
	if (fchmod(fd, 0666 & ~mask) != 0 || !(a->f = fdopen(fd, "wb"))) {
		cli_error("%s: cannot write: %s", path, strerror(errno));
		close(fd);
		unlink(a->tmp);
		free(a->tmp);
		a->tmp = NULL;
		return CLI_EXIT_FAIL;
	}
	return -1;
}

int cli_atomic_close(cli_atomic_file *a, int keep)
{
	if (a->stream) {
		a->stream = 0;
		if (fclose(a->f) != 0 && keep) {
			cli_error("%s: cannot write: %s", a->path, strerror(errno));
			return CLI_EXIT_FAIL;
		}
		return -1;
	}
	if (!a->tmp)
		return -1;
	int rc = -1;
	if (keep && (fflush(a->f) != 0 || fsync(fileno(a->f)) != 0)) {
		cli_error("%s: cannot write: %s", a->path, strerror(errno));
		keep = 0;
		rc = CLI_EXIT_FAIL;
	}
	if (fclose(a->f) != 0 && keep) {
		cli_error("%s: cannot write: %s", a->path, strerror(errno));
		keep = 0;
		rc = CLI_EXIT_FAIL;
	}
	if (keep && rename(a->tmp, a->path) != 0) {
		cli_error("%s: cannot put in place: %s", a->path, strerror(errno));
		keep = 0;
		rc = CLI_EXIT_FAIL;
	}
	if (!keep)
		unlink(a->tmp);
	free(a->tmp);
	a->tmp = NULL;
	return rc;
}

int cli_write_file_atomic(const char *path, const char *buf, size_t len)
{
	cli_atomic_file a;
	int rc = cli_atomic_open(&a, path);
	if (rc >= 0)
		return rc;
	int ok = fwrite(buf, 1, len, a.f) == len;
	if (!ok)
		cli_error("%s: cannot write: %s", path, strerror(errno));
	rc = cli_atomic_close(&a, ok);
	return ok ? rc : CLI_EXIT_FAIL;
}
