"""Names the demo projects share."""

# The partnership's demo project lead (Aberdeen City) leads the projects marked with this.
DEMO_PROJECT_LEAD = "demo project lead"

DIRECTOR = "Director, Digital Office for Scottish Local Government"
