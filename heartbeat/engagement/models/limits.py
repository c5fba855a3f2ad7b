"""How long each text may be: the forms, the services, the API schemas and the database
columns all read these numbers, so an input is bounded the same way on every path."""

TITLE = 200
SLUG = 120
SUMMARY = 300
ARTICLE_BODY = 20_000
AGENDA = 10_000
PLACE = 300
LINK = 500
QUESTION = 1_000
ANSWER = 5_000
REASON = 500
FEEDBACK = 2_000
RESPONSE_BODY = 20_000
TAG = 60
TAGS_PER_ARTICLE = 10
MAX_CAPACITY = 5_000
