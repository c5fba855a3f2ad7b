"""What every work programme page shares: page sizes, stage colours and the context."""

from heartbeat.core.exports import EXPORT_FORMATS
from heartbeat.portfolio.models import Stage

PER_PAGE = 25
# The project page shows the latest changes; a link shows them all.
HISTORY_ON_PAGE = 15
CATALOGUE_FORMATS = (*EXPORT_FORMATS, "json")

# The design system's tag colours, one per stage.
STAGE_COLOURS = {
    Stage.PROPOSED: "grey",
    Stage.DEFINED: "blue",
    Stage.APPROVED: "teal",
    Stage.RECRUITING: "purple",
    Stage.IN_DELIVERY: "green",
    Stage.CLOSED: "darkblue",
    Stage.PAUSED: "orange",
    Stage.CANCELLED: "red",
}


# Bar colours for the programme chart, in the design system's palette.
STAGE_CHART_COLOURS = {
    Stage.PROPOSED: "#5e5e5e",
    Stage.DEFINED: "#0065bd",
    Stage.APPROVED: "#00a8c6",
    Stage.RECRUITING: "#6e2c91",
    Stage.IN_DELIVERY: "#428542",
    Stage.CLOSED: "#002d54",
    Stage.PAUSED: "#e5682a",
    Stage.CANCELLED: "#d32205",
}


def _common(**context) -> dict:
    return {"stage_colours": STAGE_COLOURS, "stages": Stage, **context}
