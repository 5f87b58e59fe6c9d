"""The Slack front end: a Bolt app, its Block Kit rendering, per-channel settings, feedback."""
