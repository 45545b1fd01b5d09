"""The models runtime, copied into ``generated/models/``."""
