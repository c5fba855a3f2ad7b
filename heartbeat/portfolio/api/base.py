"""The projects router and the schemas every part of it shares."""

from ninja import Router, Schema

router = Router(tags=["projects"])

MAX_LIMIT = 200


# Output -----------------------------------------------------------------------------------


class ErrorOut(Schema):
    code: str
    message: str
    field: str | None = None


class Ref(Schema):
    slug: str
    name: str


class PersonRef(Schema):
    id: int
    name: str
