#ifndef QF_API_FERRY_H
#define QF_API_FERRY_H
/*
 * api/ferry: the public instance's two routes of the ferry pull (issue 13,
 * domain/ferry_pull.h): GET /ferry/batch answers the inbox batch, POST
 * /ferry/reply imports a reply batch.  Both answer only on a public
 * instance whose key file holds a pull_secret (else the 404 of an unknown
 * path), and only to a request with the MAC of core/pullauth.h.
 */
struct req;

int api_ferry_batch(struct req *r);
int api_ferry_reply(struct req *r);

#endif
