#ifndef QF_SDNOTIFY_H
#define QF_SDNOTIFY_H
/*
 * sdnotify: systemd's readiness protocol (sd_notify(3)) written by hand,
 * so the binary needs no libsystemd.  When the service manager started
 * us with Type=notify it sets $NOTIFY_SOCKET: a filesystem path, or an
 * abstract socket name written with a leading '@'.  A state such as
 * "READY=1" or "STOPPING=1" is one datagram to that socket.  Without
 * the variable nothing is sent.  No ownership: the strings are the
 * caller's.
 */

/* Sends state (newline-separated KEY=VALUE assignments) to
 * $NOTIFY_SOCKET.  1 when sent, 0 when the variable is unset or empty,
 * -1 when it is malformed or the send failed (errno set). */
int sdnotify(const char *state);

#endif
