/*
 * sdnotify.c: sd_notify(3) without libsystemd.  One AF_UNIX datagram per
 * state to the socket named in $NOTIFY_SOCKET ('@' at the start names an
 * abstract socket, whose address begins with a NUL byte and is not
 * NUL-terminated).  The send never blocks (MSG_DONTWAIT) and never raises
 * SIGPIPE, so a gone service manager cannot stall or kill the server.
 */
#include "core/sdnotify.h"

#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

int sdnotify(const char *state)
{
	const char *path = getenv("NOTIFY_SOCKET");
	struct sockaddr_un sa;
	size_t len;
	socklen_t salen;
	ssize_t n;
	int fd, e;

	if (!path || !*path)
		return 0;
	len = strlen(path);
	/* a path must be absolute; an abstract name needs more than its '@' */
	if ((path[0] != '/' && path[0] != '@') || len < 2 || len > sizeof(sa.sun_path)) {
		errno = EINVAL;
		return -1;
	}
	memset(&sa, 0, sizeof(sa));
	sa.sun_family = AF_UNIX;
	memcpy(sa.sun_path, path, len);
	if (path[0] == '@')
		sa.sun_path[0] = '\0';
	salen = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + len);
	fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -1;
	n = sendto(fd, state, strlen(state), MSG_NOSIGNAL | MSG_DONTWAIT,
		   (struct sockaddr *)&sa, salen);
	e = errno;
	close(fd);
	if (n < 0) {
		errno = e;
		return -1;
	}
	return 1;
}
