"""Handlers for synchronization: one method per documented operation."""

from __future__ import annotations

from typing import Any

from ..models.synchronization import Synchronization
from ..models.synchronization_job import SynchronizationJob
from ..models.synchronization_secret_key_string_value_pair import (
    SynchronizationSecretKeyStringValuePair,
)
from ..models.synchronization_template import SynchronizationTemplate
from ._store import InMemory


class SynchronizationHandlers:
    """Operations on synchronization. Override a method to give it real behaviour; a stub
    answers 501 Not Implemented.
    """

    async def list_synchronizations(self) -> list[Synchronization]:
        """Get a list of the synchronization objects and their properties. GET
        /synchronizations
        """
        raise NotImplementedError

    async def create_synchronization(
        self, service_principal_id: str, body: Synchronization
    ) -> Synchronization:
        """Create a new synchronization object. PUT
        /servicePrincipals/{servicePrincipalId}/synchronization
        """
        raise NotImplementedError

    async def get_synchronization(self, service_principal_id: str) -> Synchronization:
        """Read the properties and relationships of a synchronization object. GET
        /servicePrincipals/{servicePrincipalId}/synchronization
        """
        raise NotImplementedError

    async def update_synchronization(
        self, service_principal_id: str, body: Synchronization
    ) -> Synchronization:
        """Update the properties of a synchronization object. PATCH
        /servicePrincipals/{servicePrincipalId}/synchronization
        """
        raise NotImplementedError

    async def delete_synchronization(self, service_principal_id: str) -> None:
        """Deletes a synchronization object. DELETE
        /servicePrincipals/{servicePrincipalId}/synchronization
        """
        raise NotImplementedError

    async def acquire_access_token(
        self,
        service_principal_id: str,
        credentials: list[SynchronizationSecretKeyStringValuePair] | None,
    ) -> None:
        """POST /servicePrincipals/{servicePrincipalId}/synchronization/acquireAccessToken"""
        raise NotImplementedError

    async def ping(self, service_principal_id: str) -> Any:
        """GET /servicePrincipals/{servicePrincipalId}/synchronization/ping"""
        raise NotImplementedError

    async def list_jobs(self, service_principal_id: str) -> list[SynchronizationJob]:
        """Get the synchronizationJob resources from the jobs navigation property. GET
        /servicePrincipals/{servicePrincipalId}/synchronization/jobs
        """
        raise NotImplementedError

    async def create_synchronization_job(
        self, service_principal_id: str, body: SynchronizationJob
    ) -> SynchronizationJob:
        """Create a new synchronizationJob object. POST
        /servicePrincipals/{servicePrincipalId}/synchronization/jobs
        """
        raise NotImplementedError

    async def list_templates(
        self, service_principal_id: str
    ) -> list[SynchronizationTemplate]:
        """Get the synchronizationTemplate resources from the templates navigation
        property. GET /servicePrincipals/{servicePrincipalId}/synchronization/templates
        """
        raise NotImplementedError

    async def create_synchronization_template(
        self, service_principal_id: str, body: SynchronizationTemplate
    ) -> SynchronizationTemplate:
        """Create a new synchronizationTemplate object. POST
        /servicePrincipals/{servicePrincipalId}/synchronization/templates
        """
        raise NotImplementedError


class SynchronizationInMemory(SynchronizationHandlers):
    """The generated default: every operation works on state kept in memory."""

    def __init__(self, memory: InMemory) -> None:
        self._memory = memory

    async def list_synchronizations(self) -> list[Synchronization]:
        result: Any = await self._memory.call(
            "synchronization.listSynchronizations",
            {},
            None,
        )
        return [Synchronization.from_dict(item) for item in result]

    async def create_synchronization(
        self, service_principal_id: str, body: Synchronization
    ) -> Synchronization:
        result: Any = await self._memory.call(
            "synchronization.createSynchronization",
            {"service_principal_id": service_principal_id},
            body,
        )
        return Synchronization.from_dict(result)

    async def get_synchronization(self, service_principal_id: str) -> Synchronization:
        result: Any = await self._memory.call(
            "synchronization.getSynchronization",
            {"service_principal_id": service_principal_id},
            None,
        )
        return Synchronization.from_dict(result)

    async def update_synchronization(
        self, service_principal_id: str, body: Synchronization
    ) -> Synchronization:
        result: Any = await self._memory.call(
            "synchronization.updateSynchronization",
            {"service_principal_id": service_principal_id},
            body,
        )
        return Synchronization.from_dict(result)

    async def delete_synchronization(self, service_principal_id: str) -> None:
        await self._memory.call(
            "synchronization.deleteSynchronization",
            {"service_principal_id": service_principal_id},
            None,
        )

    async def acquire_access_token(
        self,
        service_principal_id: str,
        credentials: list[SynchronizationSecretKeyStringValuePair] | None,
    ) -> None:
        await self._memory.call(
            "synchronization.acquireAccessToken",
            {"service_principal_id": service_principal_id},
            {"credentials": credentials},
        )

    async def ping(self, service_principal_id: str) -> Any:
        result: Any = await self._memory.call(
            "synchronization.ping",
            {"service_principal_id": service_principal_id},
            None,
        )
        return result

    async def list_jobs(self, service_principal_id: str) -> list[SynchronizationJob]:
        result: Any = await self._memory.call(
            "synchronization.listJobs",
            {"service_principal_id": service_principal_id},
            None,
        )
        return [SynchronizationJob.from_dict(item) for item in result]

    async def create_synchronization_job(
        self, service_principal_id: str, body: SynchronizationJob
    ) -> SynchronizationJob:
        result: Any = await self._memory.call(
            "synchronization.createSynchronizationJob",
            {"service_principal_id": service_principal_id},
            body,
        )
        return SynchronizationJob.from_dict(result)

    async def list_templates(
        self, service_principal_id: str
    ) -> list[SynchronizationTemplate]:
        result: Any = await self._memory.call(
            "synchronization.listTemplates",
            {"service_principal_id": service_principal_id},
            None,
        )
        return [SynchronizationTemplate.from_dict(item) for item in result]

    async def create_synchronization_template(
        self, service_principal_id: str, body: SynchronizationTemplate
    ) -> SynchronizationTemplate:
        result: Any = await self._memory.call(
            "synchronization.createSynchronizationTemplate",
            {"service_principal_id": service_principal_id},
            body,
        )
        return SynchronizationTemplate.from_dict(result)
