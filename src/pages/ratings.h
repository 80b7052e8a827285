#ifndef QF_PAGES_RATINGS_H
#define QF_PAGES_RATINGS_H
/*
 * pages/ratings: the "码上问效" family (issue 13).  The citizen's pages
 * (pages/rate.c: /p/rate/{token}, /p/letter, /p/followup, routes flagged
 * R_PUBLIC | R_CITIZEN) and the staff's (pages/ratings.c: /ratings,
 * letters, bad reviews, a unit's QR code and poster).  The handlers the
 * route table names; nothing here owns memory.
 */
struct req;

/* the citizen's */
int page_rate_form(struct req *r);
int page_rate_submit(struct req *r);
int page_letter_status(struct req *r);
int page_followup_form(struct req *r);
int page_followup_submit(struct req *r);

/* the staff's */
int page_ratings(struct req *r);
int page_rating_letters(struct req *r);
int page_rating_letter(struct req *r);
int page_rating_letter_accept(struct req *r);
int page_rating_letter_conclude(struct req *r);
int page_bad_reviews(struct req *r);
int page_bad_review(struct req *r);
int page_bad_review_callback(struct req *r);
int page_bad_review_fix(struct req *r);
int page_unit_rating(struct req *r);
int page_unit_rating_poster(struct req *r);

#endif
