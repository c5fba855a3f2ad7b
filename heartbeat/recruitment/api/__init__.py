"""Recruitment API: participation, pledges, coverage and open needs.

The endpoints call the same selectors and services as the pages, so they keep the same
rules and permissions. Projects and organisations are named by slug, months as 2026-07.
Pledges name people, so they are for signed-in callers; coverage and open needs follow the
project's visibility. Endpoints live in the modules of this package, on one ``router``.
"""

from heartbeat.recruitment.api.base import MAX_LIMIT, MONTH, ErrorOut, Ref, router
from heartbeat.recruitment.api.coverage import (
    CoverageOut,
    MonthCoverageOut,
    NeedCoverageOut,
    NeedQuery,
    OpenNeedOut,
    OpenNeedPageOut,
    open_need_list,
    project_coverage,
)
from heartbeat.recruitment.api.participation import (
    ParticipationIn,
    ParticipationOut,
    ParticipationUpdateIn,
    participant_create,
    participant_list,
    participant_update,
)
from heartbeat.recruitment.api.pledges import (
    AdjustmentIO,
    PledgeFieldsIn,
    PledgeIn,
    PledgeOut,
    PledgePageOut,
    PledgeQuery,
    PledgeUpdateIn,
    WithdrawIn,
    pledge_create,
    pledge_get,
    pledge_list,
    pledge_update,
    pledge_withdraw,
)

__all__ = [
    "router",
    "MAX_LIMIT",
    "MONTH",
    "ErrorOut",
    "Ref",
    "ParticipationOut",
    "ParticipationIn",
    "ParticipationUpdateIn",
    "participant_list",
    "participant_create",
    "participant_update",
    "AdjustmentIO",
    "PledgeOut",
    "PledgeFieldsIn",
    "PledgeIn",
    "PledgeUpdateIn",
    "WithdrawIn",
    "PledgeQuery",
    "PledgePageOut",
    "pledge_list",
    "pledge_get",
    "pledge_create",
    "pledge_update",
    "pledge_withdraw",
    "MonthCoverageOut",
    "NeedCoverageOut",
    "CoverageOut",
    "project_coverage",
    "NeedQuery",
    "OpenNeedOut",
    "OpenNeedPageOut",
    "open_need_list",
]
