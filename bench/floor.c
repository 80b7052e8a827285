/*
 * floor.c: the benchmark's floor.  A bare libmicrohttpd server with the
 * daemon flags and thread pool of src/http/server.c, answering a small
 * fixed HTML page.  It answers on the second call for a request (the
 * first only marks the connection), so keep-alive holds, as in the
 * product (MHD-PATTERNS.md 3).  Nothing else: no routing, no database,
 * no logging.  What the product serves is compared with this.
 *
 *   floor PORT [THREADS [BYTES]]
 *
 * A POST is answered the same way once its body has been read (every
 * chunk libmicrohttpd hands over is taken): bench/ratings.sh posts a
 * rating's form to it as the floor of the ratings' write path.
 *
 * THREADS defaults to the number of cores.  BYTES, when given, pads the
 * page with table rows to about that size: the same server answering a
 * page as large as the one under test shows what the transfer alone costs
 * (kernel, loopback, wrk), apart from the work of building the page.
 *
 * Listens on 127.0.0.1 only; stops on SIGINT or SIGTERM.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <microhttpd.h>

static const char head[] =
	"<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
	"<title>floor</title></head><body><p>floor</p>";
static const char row[] =
	"<tr><td><a href=\"/persons/1\">测试人员</a></td><td>基准测试局</td><td>科长</td></tr>";
static const char tail[] = "</body></html>\n";

static struct MHD_Response *resp;
static int marker;

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url,
				  const char *method, const char *version,
				  const char *upload_data, size_t *upload_data_size, void **con_cls)
{
	if (*con_cls == NULL) {
		*con_cls = &marker;	/* first call: do not answer yet */
		return MHD_YES;
	}
	if (*upload_data_size) {
		*upload_data_size = 0;
		return MHD_YES;
	}
	return MHD_queue_response(conn, MHD_HTTP_OK, resp);
}

static void on_completed(void *cls, struct MHD_Connection *conn, void **con_cls,
			 enum MHD_RequestTerminationCode toe)
{
	*con_cls = NULL;
}

int main(int argc, char **argv)
{
	struct sockaddr_in sa;
	struct MHD_Daemon *d;
	sigset_t set;
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	unsigned threads = (unsigned)(cores > 0 ? cores : 2);
	size_t want = 0, len, cap;
	char *body;
	int port, sig;

	if (argc < 2 || argc > 4) {
		fprintf(stderr, "usage: floor PORT [THREADS [BYTES]]\n");
		return 2;
	}
	port = atoi(argv[1]);
	if (port <= 0 || port > 65535) {
		fprintf(stderr, "floor: bad port '%s'\n", argv[1]);
		return 2;
	}
	if (argc >= 3 && (atoi(argv[2]) < 1 || atoi(argv[2]) > 256)) {
		fprintf(stderr, "floor: threads must be 1 to 256\n");
		return 2;
	}
	if (argc >= 3)
		threads = (unsigned)atoi(argv[2]);
	if (argc == 4 && (atol(argv[3]) < 0 || atol(argv[3]) > 16 * 1024 * 1024)) {
		fprintf(stderr, "floor: bytes must be 0 to 16777216\n");
		return 2;
	}
	if (argc == 4)
		want = (size_t)atol(argv[3]);

	/* the page: head, rows while under BYTES, tail */
	cap = sizeof(head) + sizeof(tail) + want + sizeof(row);
	body = malloc(cap);
	if (!body)
		return 1;
	memcpy(body, head, sizeof(head) - 1);
	len = sizeof(head) - 1;
	while (len + sizeof(row) - 1 + sizeof(tail) - 1 <= want) {
		memcpy(body + len, row, sizeof(row) - 1);
		len += sizeof(row) - 1;
	}
	memcpy(body + len, tail, sizeof(tail) - 1);
	len += sizeof(tail) - 1;

	memset(&sa, 0, sizeof(sa));
	sa.sin_family = AF_INET;
	sa.sin_port = htons((uint16_t)port);
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);

	resp = MHD_create_response_from_buffer(len, body, MHD_RESPMEM_PERSISTENT);
	if (!resp)
		return 1;
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, "text/html; charset=utf-8");

	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);

	/* the same flags and options as src/http/server.c (without TLS) */
	d = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL |
			     MHD_ALLOW_SUSPEND_RESUME | MHD_USE_ERROR_LOG,
			     (uint16_t)port, NULL, NULL, &on_request, NULL,
			     MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa,
			     MHD_OPTION_THREAD_POOL_SIZE, threads,
			     MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int)30,
			     MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(64 * 1024),
			     MHD_OPTION_CONNECTION_LIMIT, (unsigned int)1000,
			     MHD_OPTION_NOTIFY_COMPLETED, &on_completed, NULL,
			     MHD_OPTION_END);
	if (!d) {
		fprintf(stderr, "floor: cannot listen on 127.0.0.1:%d\n", port);
		MHD_destroy_response(resp);
		free(body);
		return 1;
	}
	fprintf(stderr, "floor: serving %zu bytes on http://127.0.0.1:%d/ with %u threads\n", len,
		port, threads);
	while (sigwait(&set, &sig) != 0)
		;
	MHD_stop_daemon(d);
	MHD_destroy_response(resp);
	free(body);
	return 0;
}
