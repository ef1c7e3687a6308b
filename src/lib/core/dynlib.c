/*
 * dynlib.c — opening a library the first time it is needed (see dynlib.h).
 */
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "core/dynlib.h"

static pthread_mutex_t opening = PTHREAD_MUTEX_INITIALIZER;

int ac_dynlib_open(ac_dynlib *lib, void *slots)
{
	pthread_mutex_lock(&opening);
	if (!lib->tried) {
		lib->tried = 1;
		/* RTLD_NOW: a symbol missing from it is found now, not at a call. */
		void *h = dlopen(lib->soname, RTLD_NOW | RTLD_LOCAL);
		if (!h) {
			const char *e = dlerror();
			snprintf(lib->why, sizeof lib->why, "%s (%s) could not be loaded: %s", lib->name, lib->soname,
				 e ? e : "no reason given");
		}
		size_t i = 0;
		for (; h && lib->symbols[i]; i++) {
			dlerror();
			void *sym = dlsym(h, lib->symbols[i]);
			if (!sym) {
				snprintf(lib->why, sizeof lib->why, "%s (%s) has no %s: is it an older version?",
					 lib->name, lib->soname, lib->symbols[i]);
				break;
			}
			/* POSIX: a function's address fits a void pointer. */
			memcpy((char *)slots + i * sizeof sym, &sym, sizeof sym);
		}
		lib->ok = h && !lib->symbols[i];
		/* The library stays open for the life of the process. */
	}
	int ok = lib->ok;
	pthread_mutex_unlock(&opening);
	return ok;
}
