"""The work requests API's router, which the modules of this package add endpoints to."""

from ninja import Router

router = Router(tags=["work requests"])
