#ifndef QF_API_RATINGS_H
#define QF_API_RATINGS_H
/*
 * api/ratings: the JSON twin of the staff's rating lists (ratings.c):
 * ratings, letters and bad reviews, the same filters as the pages
 * (model/rating.c), bounded by the user's jurisdiction in the domain;
 * and the steps of a letter (accept, conclude) and a bad review (call
 * back, fix), the pages' domain calls.  The handlers the route table
 * names; nothing here owns memory.
 */
struct req;

int api_ratings(struct req *r);
int api_rating_letters(struct req *r);
int api_bad_reviews(struct req *r);
int api_rating_letter_accept(struct req *r);
int api_rating_letter_conclude(struct req *r);
int api_bad_review_callback(struct req *r);
int api_bad_review_fix(struct req *r);

#endif
