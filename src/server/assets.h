/*
 * assets.h — the files the server answers from memory: the web page (every
 * file under web/, compiled in by cmake/embed_web.cmake) and the API's
 * OpenAPI description.  No request ever reads the file system.
 */
#ifndef AICERT_SERVER_ASSETS_H
#define AICERT_SERVER_ASSETS_H

#include <stddef.h>

typedef struct {
	const char *url; /* "/", "/assets/app.js", "/openapi.json" */
	const unsigned char *data; /* len bytes (and a NUL after them) */
	size_t len;
	const char *type; /* Content-Type */
	const char *etag; /* a quoted strong validator */
} srv_asset;

extern const srv_asset srv_assets[];
extern const size_t srv_asset_count;

/* The asset at url, or NULL. */
const srv_asset *srv_asset_find(const char *url);

#endif
