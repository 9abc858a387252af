"""veracity: what a news report claims, who says so, and what stands behind it."""

__version__ = "0.1.0"

# The JSON shape of a dossier; bump on any incompatible change and say so in docs/schema.md.
SCHEMA_VERSION = "1.1"
