#ifndef QF_MODEL_CAMPAIGN_H
#define QF_MODEL_CAMPAIGN_H
/*
 * model/campaign.h: a special campaign's working groups (专班, 专项工作组,
 * 专项监督检查组; migration 0056).  The campaign itself is struct campaign
 * (model/clue.h: clues, cases and outcomes carry its id).  Plain records:
 * strings point into the arena the store call filled them from.
 */
#include <stdint.h>

#include "model/clue.h"

struct campaign_group {
	int64_t id, campaign_id;
	const char *name;
	int64_t leader_id;          /* an account, 0 none */
	const char *leader_name;    /* its display name, "" none */
	const char *area;           /* the unit or area covered, "" none */
	const char *members;        /* the members' display names joined by 、, "" none */
	int n_members;
};

/* a campaign's state, computed from its days and today (campaign_state) */
enum campaign_state { CAMPAIGN_PLANNED, CAMPAIGN_RUNNING, CAMPAIGN_ENDED };

#endif
