"""The mock service runtime, copied into ``generated/handlers/``."""
