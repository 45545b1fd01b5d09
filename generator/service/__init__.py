"""The service side: the mock service, and the docs' examples and real services held to the model.

``serve`` runs the generated mock service; ``replay`` sends the docs' request examples to
a service and holds its answers to the docs; ``lint`` checks the docs' own examples
against the schemas and the operations (``example_urls``: whether an example's URL is a
request its page documents); ``conformance`` holds the model against a service's own
metadata, which ``metadata`` reads.

May import: base, model, payloads, emit, output, runtime.
"""
