/*
 * http.c — the network side of `aicert serve`, over libmicrohttpd: binding
 * (loopback unless told otherwise), worker threads, limits on headers, body,
 * connections and time, one log line per request on stderr, and a clean stop
 * on SIGINT or SIGTERM that lets the requests in flight finish.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <microhttpd.h>

#include "core/dynlib.h"
#include "internal.h"

/* libmicrohttpd, opened when the server starts (core/dynlib.h). */
/* clang-format off: one symbol a line */
#define MHD_SYMBOLS(X)                                                                                                 \
	X(MHD_add_response_header)                                                                                     \
	X(MHD_create_response_from_buffer)                                                                             \
	X(MHD_create_response_from_buffer_with_free_callback)                                                          \
	X(MHD_destroy_response)                                                                                        \
	X(MHD_get_connection_info)                                                                                     \
	X(MHD_get_connection_values)                                                                                   \
	X(MHD_get_daemon_info)                                                                                         \
	X(MHD_lookup_connection_value)                                                                                 \
	X(MHD_queue_response)                                                                                          \
	X(MHD_quiesce_daemon)                                                                                          \
	X(MHD_start_daemon)                                                                                            \
	X(MHD_stop_daemon)
/* clang-format on */
AC_DYNLIB_DEFINE(mhd, mhd_lib, "libmicrohttpd", AICERT_LIBMICROHTTPD_SONAME, MHD_SYMBOLS)

#define MAX_HEADER_BYTES (32 * 1024) /* a request's line and headers, with the read buffer */
#define STOP_GRACE_SECONDS 30 /* how long a stop waits for requests in flight */

/* A connection, as the watchdog sees it: libmicrohttpd closes a connection
 * only when it is idle, so one that sends its request line and headers a
 * byte at a time would stay; the watchdog shuts its socket down once it has
 * had `timeout` seconds without a whole request. */
typedef struct watch {
	struct watch *prev, *next;
	MHD_socket fd;
	struct timespec since; /* connected, or its last request answered */
	int in_request; /* a request has arrived and is being answered */
	int cut;
} watch;

typedef struct {
	srv_app *app;
	unsigned timeout;
	atomic_int in_flight;
	const char *allow_origin;
	pthread_mutex_t watch_mu;
	watch *watches;
	pthread_t watchdog;
	atomic_int stopping;
} http_server;

/* One request's state across libmicrohttpd's calls. */
typedef struct {
	struct timespec start;
	char *body;
	size_t len, cap;
	int too_large;
	unsigned status;
	size_t sent;
	char method[8];
	char path[128];
	int counted;
} request_state;

static double seconds_since(const struct timespec *t)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - t->tv_sec) + (double)(now.tv_nsec - t->tv_nsec) / 1e9;
}

/* Copies s into dst (n bytes) with control characters and spaces replaced,
 * so one request is one line of the log whatever its path. */
static void log_copy(char *dst, size_t n, const char *s)
{
	size_t i = 0;
	for (; s && *s && i + 1 < n; s++)
		dst[i++] = (unsigned char)*s <= ' ' || *s == 0x7f ? '?' : *s;
	dst[i] = '\0';
}

static void log_request(const request_state *st, const char *outcome)
{
	char line[512], when[32];
	time_t now = time(NULL);
	struct tm tm;
	gmtime_r(&now, &tm);
	strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
	int n = snprintf(line, sizeof line, "%s %s %s %u %zu %.1fms%s%s\n", when, st->method, st->path, st->status,
			 st->sent, seconds_since(&st->start) * 1000.0, outcome ? " " : "", outcome ? outcome : "");
	if (n > 0) {
		size_t len = (size_t)n < sizeof line ? (size_t)n : sizeof line - 1;
		ssize_t w = write(STDERR_FILENO, line, len); /* one write: lines never interleave */
		(void)w;
	}
}

static void on_connection(void *cls, struct MHD_Connection *c, void **socket_context,
			  enum MHD_ConnectionNotificationCode code)
{
	http_server *srv = cls;
	if (code == MHD_CONNECTION_NOTIFY_STARTED) {
		const union MHD_ConnectionInfo *ci = mhd.MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
		watch *w = ci ? calloc(1, sizeof *w) : NULL;
		if (!w)
			return; /* left to libmicrohttpd's own timeout */
		w->fd = ci->connect_fd;
		clock_gettime(CLOCK_MONOTONIC, &w->since);
		pthread_mutex_lock(&srv->watch_mu);
		w->next = srv->watches;
		if (w->next)
			w->next->prev = w;
		srv->watches = w;
		pthread_mutex_unlock(&srv->watch_mu);
		*socket_context = w;
	} else if (code == MHD_CONNECTION_NOTIFY_CLOSED && *socket_context) {
		/* Called before libmicrohttpd closes the socket: once unlinked here,
		 * the watchdog can never touch a number the system gives again. */
		watch *w = *socket_context;
		pthread_mutex_lock(&srv->watch_mu);
		if (w->prev)
			w->prev->next = w->next;
		else
			srv->watches = w->next;
		if (w->next)
			w->next->prev = w->prev;
		pthread_mutex_unlock(&srv->watch_mu);
		free(w);
		*socket_context = NULL;
	}
}

/* Marks the connection's request as arrived (1) or answered (0). */
static void mark_request(http_server *srv, struct MHD_Connection *c, int in_request)
{
	const union MHD_ConnectionInfo *ci = mhd.MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
	watch *w = ci ? ci->socket_context : NULL;
	if (!w)
		return;
	pthread_mutex_lock(&srv->watch_mu);
	w->in_request = in_request;
	if (!in_request)
		clock_gettime(CLOCK_MONOTONIC, &w->since);
	pthread_mutex_unlock(&srv->watch_mu);
}

static void *watchdog(void *cls)
{
	http_server *srv = cls;
	while (!atomic_load(&srv->stopping)) {
		struct timespec ts = {0, 250 * 1000 * 1000};
		nanosleep(&ts, NULL);
		pthread_mutex_lock(&srv->watch_mu);
		for (watch *w = srv->watches; w; w = w->next)
			if (!w->in_request && !w->cut && seconds_since(&w->since) > srv->timeout) {
				shutdown(w->fd, SHUT_RDWR); /* libmicrohttpd then closes it as usual */
				w->cut = 1;
			}
		pthread_mutex_unlock(&srv->watch_mu);
	}
	return NULL;
}

static void completed(void *cls, struct MHD_Connection *c, void **con_cls, enum MHD_RequestTerminationCode code)
{
	http_server *srv = cls;
	mark_request(srv, c, 0);
	request_state *st = *con_cls;
	if (!st)
		return;
	const char *outcome = NULL;
	if (code == MHD_REQUEST_TERMINATED_TIMEOUT_REACHED)
		outcome = "timed out";
	else if (code == MHD_REQUEST_TERMINATED_CLIENT_ABORT)
		outcome = "client went away";
	else if (code == MHD_REQUEST_TERMINATED_DAEMON_SHUTDOWN)
		outcome = "stopped";
	else if (code != MHD_REQUEST_TERMINATED_COMPLETED_OK)
		outcome = "failed";
	log_request(st, outcome);
	if (st->counted)
		atomic_fetch_sub(&srv->in_flight, 1);
	free(st->body);
	free(st);
	*con_cls = NULL;
}

static enum MHD_Result collect_arg(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
	(void)kind;
	srv_request *req = cls;
	if (req->n_args == SRV_MAX_ARGS) {
		req->too_many_args = 1;
		return MHD_NO;
	}
	req->args[req->n_args].key = key;
	req->args[req->n_args].value = value;
	req->n_args++;
	return MHD_YES;
}

/* Queues a whole answer: the body is copied or kept (static), never
 * streamed, so a client gets all of it or nothing. */
static enum MHD_Result send_response(http_server *srv, struct MHD_Connection *c, request_state *st, srv_response *r)
{
	struct MHD_Response *resp;
	if (r->body)
		resp = mhd.MHD_create_response_from_buffer_with_free_callback(r->len, r->body, free);
	else
		resp = mhd.MHD_create_response_from_buffer(r->body_static ? r->len : 0, (void *)r->body_static,
							   MHD_RESPMEM_PERSISTENT);
	if (!resp)
		return MHD_NO; /* out of memory: the connection is closed */
	r->body = NULL; /* the response owns it now */
	int bad = 0;
	if (r->type)
		bad |= mhd.MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, r->type) != MHD_YES;
	if (r->etag)
		bad |= mhd.MHD_add_response_header(resp, MHD_HTTP_HEADER_ETAG, r->etag) != MHD_YES;
	if (r->cache)
		bad |= mhd.MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL, r->cache) != MHD_YES;
	if (r->allow)
		bad |= mhd.MHD_add_response_header(resp, MHD_HTTP_HEADER_ALLOW, r->allow) != MHD_YES;
	if (r->location[0])
		bad |= mhd.MHD_add_response_header(resp, MHD_HTTP_HEADER_LOCATION, r->location) != MHD_YES;
	bad |= mhd.MHD_add_response_header(resp, "Content-Security-Policy", r->csp ? r->csp : srv_csp) != MHD_YES;
	bad |= mhd.MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff") != MHD_YES;
	bad |= mhd.MHD_add_response_header(resp, "Referrer-Policy", "no-referrer") != MHD_YES;
	bad |= mhd.MHD_add_response_header(resp, "X-Frame-Options", "DENY") != MHD_YES;
	if (r->cors && srv->allow_origin) {
		bad |= mhd.MHD_add_response_header(resp, "Access-Control-Allow-Origin", srv->allow_origin) != MHD_YES;
		bad |= mhd.MHD_add_response_header(resp, "Vary", "Origin") != MHD_YES;
		if (r->status == 204) {
			bad |= mhd.MHD_add_response_header(resp, "Access-Control-Allow-Methods",
							   "GET, HEAD, POST, DELETE") != MHD_YES;
			bad |= mhd.MHD_add_response_header(resp, "Access-Control-Allow-Headers", "Content-Type") !=
			       MHD_YES;
			bad |= mhd.MHD_add_response_header(resp, "Access-Control-Max-Age", "600") != MHD_YES;
		}
	} else {
		bad |= mhd.MHD_add_response_header(resp, "Cross-Origin-Resource-Policy", "same-origin") != MHD_YES;
	}
	if (bad) {
		mhd.MHD_destroy_response(resp);
		return MHD_NO;
	}
	st->status = r->status;
	st->sent = r->body_static || r->len ? r->len : 0;
	enum MHD_Result ret = mhd.MHD_queue_response(c, r->status, resp);
	mhd.MHD_destroy_response(resp);
	return ret;
}

/* Answers a request refused before its body is read (413). */
static enum MHD_Result refuse(http_server *srv, struct MHD_Connection *c, request_state *st, unsigned status,
			      const char *detail)
{
	srv_response r;
	memset(&r, 0, sizeof r);
	srv_problem(&r, status, NULL, NULL, detail);
	enum MHD_Result ret = send_response(srv, c, st, &r);
	srv_response_free(&r);
	return ret;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url, const char *method,
				  const char *version, const char *upload_data, size_t *upload_data_size,
				  void **con_cls)
{
	http_server *srv = cls;
	(void)version;
	request_state *st = *con_cls;
	if (!st) {
		if (!(st = calloc(1, sizeof *st)))
			return MHD_NO;
		clock_gettime(CLOCK_MONOTONIC, &st->start);
		log_copy(st->method, sizeof st->method, method);
		/* A kept assessment's id is its only key: never written to the log. */
		static const char saved[] = "/api/v1/assessments/";
		log_copy(st->path, sizeof st->path,
			 strncmp(url, saved, sizeof saved - 1) == 0 ? "/api/v1/assessments/{id}" : url);
		st->counted = 1;
		atomic_fetch_add(&srv->in_flight, 1);
		mark_request(srv, c, 1);
		*con_cls = st;
		const char *cl = mhd.MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
		if (cl && strtoull(cl, NULL, 10) > SRV_MAX_BODY)
			return refuse(srv, c, st, 413, "The body is larger than 1 MiB.");
		return MHD_YES;
	}
	if (*upload_data_size) {
		/* A client that sends its body too slowly is cut off. */
		if (srv->timeout && seconds_since(&st->start) > srv->timeout)
			return MHD_NO;
		size_t n = *upload_data_size;
		*upload_data_size = 0;
		if (st->too_large || st->len + n > SRV_MAX_BODY) {
			st->too_large = 1;
			return MHD_YES;
		}
		if (st->len + n + 1 > st->cap) {
			size_t cap = st->cap ? st->cap : 4096;
			while (cap < st->len + n + 1)
				cap *= 2;
			char *b = realloc(st->body, cap);
			if (!b)
				return MHD_NO;
			st->body = b;
			st->cap = cap;
		}
		memcpy(st->body + st->len, upload_data, n);
		st->len += n;
		return MHD_YES;
	}
	if (st->status)
		return MHD_YES; /* already answered (413 before the body) */
	if (st->too_large)
		return refuse(srv, c, st, 413, "The body is larger than 1 MiB.");
	srv_request req;
	memset(&req, 0, sizeof req);
	req.method = method;
	req.path = url;
	mhd.MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, collect_arg, &req);
	req.host = mhd.MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_HOST);
	req.origin = mhd.MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Origin");
	req.content_type = mhd.MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE);
	req.if_none_match = mhd.MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_IF_NONE_MATCH);
	req.body = st->body;
	req.body_len = st->len;
	srv_response r;
	srv_handle(srv->app, &req, &r);
	enum MHD_Result ret = send_response(srv, c, st, &r);
	srv_response_free(&r);
	return ret;
}

/* Parses "ADDR:PORT" ("[::1]:8080" for IPv6) into addr.  0 on success. */
static int parse_listen(const char *listen, struct sockaddr_storage *addr, int *loopback)
{
	char host[256];
	const char *colon = strrchr(listen, ':');
	if (!colon || colon == listen || (size_t)(colon - listen) >= sizeof host)
		return -1;
	const char *h = listen;
	size_t hn = (size_t)(colon - listen);
	if (h[0] == '[') {
		if (hn < 2 || h[hn - 1] != ']')
			return -1;
		h++;
		hn -= 2;
	}
	memcpy(host, h, hn);
	host[hn] = '\0';
	char *end;
	long port = strtol(colon + 1, &end, 10);
	if (!colon[1] || *end || port < 0 || port > 65535)
		return -1;
	struct addrinfo hints, *res = NULL;
	memset(&hints, 0, sizeof hints);
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_PASSIVE;
	if (getaddrinfo(host, NULL, &hints, &res) != 0 || !res)
		return -1;
	memset(addr, 0, sizeof *addr);
	memcpy(addr, res->ai_addr, res->ai_addrlen);
	freeaddrinfo(res);
	if (addr->ss_family == AF_INET) {
		struct sockaddr_in *a = (struct sockaddr_in *)addr;
		a->sin_port = htons((uint16_t)port);
		*loopback = (ntohl(a->sin_addr.s_addr) >> 24) == 127;
	} else if (addr->ss_family == AF_INET6) {
		struct sockaddr_in6 *a = (struct sockaddr_in6 *)addr;
		a->sin6_port = htons((uint16_t)port);
		*loopback = IN6_IS_ADDR_LOOPBACK(&a->sin6_addr);
	} else {
		return -1;
	}
	return 0;
}

static void mhd_log(void *cls, const char *fmt, va_list ap)
{
	(void)cls;
	(void)fmt;
	(void)ap; /* libmicrohttpd's own messages: the request log says what matters */
}

int srv_run(ac_session *session, const srv_config *c)
{
	const char *listen = c->listen ? c->listen : "127.0.0.1:8080";
	struct sockaddr_storage addr;
	int loopback = 0;
	if (parse_listen(listen, &addr, &loopback) != 0) {
		fprintf(stderr,
			"aicert: --listen: found '%s', expected ADDRESS:PORT such as 127.0.0.1:8080 or [::1]:8080\n",
			listen);
		return 2;
	}
	if (!ac_dynlib_open(&mhd_lib, &mhd)) {
		fprintf(stderr, "aicert: cannot serve: %s\n", mhd_lib.why);
		return 1;
	}
	unsigned threads = c->threads;
	if (threads == 0) {
		long n = sysconf(_SC_NPROCESSORS_ONLN);
		threads = n > 0 && n < 256 ? (unsigned)n : 1;
	}
	int bad_input = 0;
	srv_app *app = srv_app_new(session, c, threads, loopback, &bad_input);
	if (!app)
		return bad_input ? 2 : 1;
	http_server srv = {.app = app, .timeout = c->timeout ? c->timeout : 30, .allow_origin = c->allow_origin};
	atomic_init(&srv.in_flight, 0);
	atomic_init(&srv.stopping, 0);
	pthread_mutex_init(&srv.watch_mu, NULL);

	/* The workers inherit a mask without SIGINT and SIGTERM: only this
	 * thread waits for them. */
	sigset_t stop;
	sigemptyset(&stop);
	sigaddset(&stop, SIGINT);
	sigaddset(&stop, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &stop, NULL);
	signal(SIGPIPE, SIG_IGN);

	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ITC | MHD_USE_ERROR_LOG;
	if (addr.ss_family == AF_INET6)
		flags |= MHD_USE_IPv6;
	struct MHD_Daemon *d = mhd.MHD_start_daemon(
		flags, 0, NULL, NULL, on_request, &srv, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr,
		MHD_OPTION_THREAD_POOL_SIZE, (unsigned int)(threads > 1 ? threads : 0), MHD_OPTION_CONNECTION_TIMEOUT,
		(unsigned int)srv.timeout, MHD_OPTION_CONNECTION_LIMIT,
		(unsigned int)(c->max_connections ? c->max_connections : 256), MHD_OPTION_CONNECTION_MEMORY_LIMIT,
		(size_t)MAX_HEADER_BYTES, MHD_OPTION_NOTIFY_COMPLETED, completed, &srv, MHD_OPTION_NOTIFY_CONNECTION,
		on_connection, &srv, MHD_OPTION_EXTERNAL_LOGGER, mhd_log, NULL, MHD_OPTION_LISTEN_BACKLOG_SIZE,
		(unsigned int)128, MHD_OPTION_END);
	if (!d) {
		fprintf(stderr, "aicert: cannot listen on %s: %s\n", listen, errno ? strerror(errno) : "refused");
		srv_app_free(app);
		pthread_mutex_destroy(&srv.watch_mu);
		return 2;
	}
	int watching = pthread_create(&srv.watchdog, NULL, watchdog, &srv) == 0;
	const union MHD_DaemonInfo *info = mhd.MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
	char shown[300];
	char host[INET6_ADDRSTRLEN] = "?";
	if (addr.ss_family == AF_INET)
		inet_ntop(AF_INET, &((struct sockaddr_in *)&addr)->sin_addr, host, sizeof host);
	else
		inet_ntop(AF_INET6, &((struct sockaddr_in6 *)&addr)->sin6_addr, host, sizeof host);
	snprintf(shown, sizeof shown, addr.ss_family == AF_INET ? "http://%s:%u/" : "http://[%s]:%u/", host,
		 info ? (unsigned)info->port : 0u);
	fprintf(stderr, "aicert: listening on %s (%u threads)%s%s\n", shown, threads,
		loopback ? "" : "; reachable from other machines",
		c->store ? "; assessments are kept when asked (?save=true)" : "; nothing is kept");
	fflush(stderr);

	int sig = 0;
	sigwait(&stop, &sig);
	fprintf(stderr, "aicert: stopping (%s); finishing the requests in flight\n",
		sig == SIGINT ? "SIGINT" : "SIGTERM");
	MHD_socket lfd = mhd.MHD_quiesce_daemon(d); /* no new connections from here */
	for (int i = 0; i < STOP_GRACE_SECONDS * 100 && atomic_load(&srv.in_flight) > 0; i++) {
		struct timespec ts = {0, 10 * 1000 * 1000};
		nanosleep(&ts, NULL);
	}
	atomic_store(&srv.stopping, 1);
	if (watching)
		pthread_join(srv.watchdog, NULL);
	mhd.MHD_stop_daemon(d);
	if (lfd != MHD_INVALID_SOCKET)
		close(lfd);
	pthread_mutex_destroy(&srv.watch_mu);
	srv_app_free(app);
	fprintf(stderr, "aicert: stopped\n");
	return 0;
}
