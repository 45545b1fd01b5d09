"""Handlers for synchronizationJob: one method per documented operation."""

from __future__ import annotations

from typing import Any

from ..models.string_key_string_value_pair import StringKeyStringValuePair
from ..models.synchronization_job import SynchronizationJob
from ..models.synchronization_job_application_parameters import (
    SynchronizationJobApplicationParameters,
)
from ..models.synchronization_job_restart_criteria import (
    SynchronizationJobRestartCriteria,
)
from ..models.synchronization_secret_key_string_value_pair import (
    SynchronizationSecretKeyStringValuePair,
)
from ._store import InMemory


class SynchronizationJobHandlers:
    """Operations on synchronizationJob. Override a method to give it real behaviour; a
    stub answers 501 Not Implemented.
    """

    async def get_synchronization_job(
        self, service_principal_id: str, job_id: str
    ) -> SynchronizationJob:
        """Read the properties and relationships of one job. GET
        /servicePrincipals/{servicePrincipalId}/synchronization/jobs/{jobId}
        """
        raise NotImplementedError

    async def delete_synchronization_job(
        self, service_principal_id: str, job_id: str
    ) -> None:
        """Stop the job for good and remove everything it has stored. DELETE
        /servicePrincipals/{servicePrincipalId}/synchronization/jobs/{jobId}
        """
        raise NotImplementedError

    async def start(self, service_principal_id: str, job_id: str) -> None:
        """Run the job. A paused job picks up where it stopped; a quarantined job leaves
        quarantine. POST
        /servicePrincipals/{servicePrincipalId}/synchronization/jobs/{jobId}/start
        """
        raise NotImplementedError

    async def pause(self, service_principal_id: str, job_id: str) -> None:
        """Stop the job for now while keeping its progress and state. POST
        /servicePrincipals/{servicePrincipalId}/synchronization/jobs/{jobId}/pause
        """
        raise NotImplementedError

    async def restart(
        self,
        service_principal_id: str,
        job_id: str,
        criteria: SynchronizationJobRestartCriteria | None,
    ) -> None:
        """Make the job process every object again, optionally clearing stored state first.
        POST
        /servicePrincipals/{servicePrincipalId}/synchronization/jobs/{jobId}/restart
        """
        raise NotImplementedError

    async def validate_credentials(
        self,
        service_principal_id: str,
        job_id: str,
        application_identifier: str | None,
        template_id: str | None,
        use_saved_credentials: bool | None,
        credentials: list[SynchronizationSecretKeyStringValuePair] | None,
    ) -> None:
        """Check a set of credentials against the target directory. POST
        /servicePrincipals/{servicePrincipalId}/synchronization/jobs/{jobId}/validateCredentials
        """
        raise NotImplementedError

    async def provision_on_demand(
        self,
        service_principal_id: str,
        job_id: str,
        parameters: list[SynchronizationJobApplicationParameters] | None,
    ) -> StringKeyStringValuePair | None:
        """Provision chosen objects right away instead of waiting for the next scheduled
        run. POST
        /servicePrincipals/{servicePrincipalId}/synchronization/jobs/{jobId}/provisionOnDemand
        """
        raise NotImplementedError


class SynchronizationJobInMemory(SynchronizationJobHandlers):
    """The generated default: every operation works on state kept in memory."""

    def __init__(self, memory: InMemory) -> None:
        self._memory = memory

    async def get_synchronization_job(
        self, service_principal_id: str, job_id: str
    ) -> SynchronizationJob:
        result: Any = await self._memory.call(
            "synchronizationJob.getSynchronizationJob",
            {"service_principal_id": service_principal_id, "job_id": job_id},
            None,
        )
        return SynchronizationJob.from_dict(result)

    async def delete_synchronization_job(
        self, service_principal_id: str, job_id: str
    ) -> None:
        await self._memory.call(
            "synchronizationJob.deleteSynchronizationJob",
            {"service_principal_id": service_principal_id, "job_id": job_id},
            None,
        )

    async def start(self, service_principal_id: str, job_id: str) -> None:
        await self._memory.call(
            "synchronizationJob.start",
            {"service_principal_id": service_principal_id, "job_id": job_id},
            None,
        )

    async def pause(self, service_principal_id: str, job_id: str) -> None:
        await self._memory.call(
            "synchronizationJob.pause",
            {"service_principal_id": service_principal_id, "job_id": job_id},
            None,
        )

    async def restart(
        self,
        service_principal_id: str,
        job_id: str,
        criteria: SynchronizationJobRestartCriteria | None,
    ) -> None:
        await self._memory.call(
            "synchronizationJob.restart",
            {"service_principal_id": service_principal_id, "job_id": job_id},
            {"criteria": criteria},
        )

    async def validate_credentials(
        self,
        service_principal_id: str,
        job_id: str,
        application_identifier: str | None,
        template_id: str | None,
        use_saved_credentials: bool | None,
        credentials: list[SynchronizationSecretKeyStringValuePair] | None,
    ) -> None:
        await self._memory.call(
            "synchronizationJob.validateCredentials",
            {"service_principal_id": service_principal_id, "job_id": job_id},
            {
                "applicationIdentifier": application_identifier,
                "templateId": template_id,
                "useSavedCredentials": use_saved_credentials,
                "credentials": credentials,
            },
        )

    async def provision_on_demand(
        self,
        service_principal_id: str,
        job_id: str,
        parameters: list[SynchronizationJobApplicationParameters] | None,
    ) -> StringKeyStringValuePair | None:
        result: Any = await self._memory.call(
            "synchronizationJob.provisionOnDemand",
            {"service_principal_id": service_principal_id, "job_id": job_id},
            {"parameters": parameters},
        )
        if result is None:
            return None
        return StringKeyStringValuePair.from_dict(result)
