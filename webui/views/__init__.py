"""The web UI's views, one blueprint per area."""
