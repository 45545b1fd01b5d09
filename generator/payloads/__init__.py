"""JSON payloads against the schemas the model implies.

``validation`` loads the emitted JSON Schemas once (``SchemaSet``) and checks payloads
with them (``graphdoc validate``, ``generator.validate``); ``files`` reads payload files,
strictly and bounded; ``mockdata`` fits the docs' own examples to the schemas: the mock
service's data, which the handlers and OpenAPI targets emit.

May import: base, model, runtime.
"""
