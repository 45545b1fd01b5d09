"""Handlers for synchronizationTemplate: one method per documented operation."""

from __future__ import annotations

from typing import Any

from ..models.synchronization_template import SynchronizationTemplate
from ._store import InMemory


class SynchronizationTemplateHandlers:
    """Operations on synchronizationTemplate. Override a method to give it real behaviour;
    a stub answers 501 Not Implemented.
    """

    async def get_synchronization_template(
        self, service_principal_id: str, template_id: str
    ) -> SynchronizationTemplate:
        """Read the properties of one template. GET
        /servicePrincipals/{servicePrincipalId}/synchronization/templates/{templateId}
        """
        raise NotImplementedError

    async def update_synchronization_template(
        self, service_principal_id: str, template_id: str, body: SynchronizationTemplate
    ) -> SynchronizationTemplate:
        """Change the properties of a template. PATCH
        /servicePrincipals/{servicePrincipalId}/synchronization/templates/{templateId}
        """
        raise NotImplementedError


class SynchronizationTemplateInMemory(SynchronizationTemplateHandlers):
    """The generated default: every operation works on state kept in memory."""

    def __init__(self, memory: InMemory) -> None:
        self._memory = memory

    async def get_synchronization_template(
        self, service_principal_id: str, template_id: str
    ) -> SynchronizationTemplate:
        result: Any = await self._memory.call(
            "synchronizationTemplate.getSynchronizationTemplate",
            {"service_principal_id": service_principal_id, "template_id": template_id},
            None,
        )
        return SynchronizationTemplate.from_dict(result)

    async def update_synchronization_template(
        self, service_principal_id: str, template_id: str, body: SynchronizationTemplate
    ) -> SynchronizationTemplate:
        result: Any = await self._memory.call(
            "synchronizationTemplate.updateSynchronizationTemplate",
            {"service_principal_id": service_principal_id, "template_id": template_id},
            body,
        )
        return SynchronizationTemplate.from_dict(result)
