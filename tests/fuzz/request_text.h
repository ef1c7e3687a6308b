/*
 * request_text.h — a request written as text, for the server's fuzz target
 * and out-of-memory test (request_text.c).
 */
#ifndef AICERT_REQUEST_TEXT_H
#define AICERT_REQUEST_TEXT_H

#include <stddef.h>

#include "app.h"

/* Fills *req from the size bytes of buf (NUL-terminated after them), which
 * it cuts in place: the request keeps pointing into buf. */
void request_from_text(char *buf, size_t size, srv_request *req);

#endif
