"""Handlers for synchronizationSchema: one method per documented operation."""

from __future__ import annotations

from typing import Any

from ..models.attribute_definition import AttributeDefinition
from ..models.attribute_mapping_function_schema import AttributeMappingFunctionSchema
from ..models.expression_input_object import ExpressionInputObject
from ..models.filter_operator_schema import FilterOperatorSchema
from ..models.parse_expression_response import ParseExpressionResponse
from ..models.synchronization_schema import SynchronizationSchema
from ._store import InMemory


class SynchronizationSchemaHandlers:
    """Operations on synchronizationSchema. Override a method to give it real behaviour; a
    stub answers 501 Not Implemented.
    """

    async def get_synchronization_schema(
        self, service_principal_id: str, job_id: str
    ) -> SynchronizationSchema:
        """Read the schema that a job currently uses. GET
        /servicePrincipals/{servicePrincipalId}/synchronization/jobs/{jobId}/schema
        """
        raise NotImplementedError

    async def update_synchronization_schema(
        self, service_principal_id: str, job_id: str, body: SynchronizationSchema
    ) -> SynchronizationSchema:
        """Replace the schema of a job. PUT
        /servicePrincipals/{servicePrincipalId}/synchronization/jobs/{jobId}/schema
        """
        raise NotImplementedError

    async def delete_synchronization_schema(
        self, service_principal_id: str, job_id: str
    ) -> None:
        """Drop the customized schema so that the job goes back to the template's default.
        DELETE
        /servicePrincipals/{servicePrincipalId}/synchronization/jobs/{jobId}/schema
        """
        raise NotImplementedError

    async def list_functions(
        self, service_principal_id: str, job_id: str
    ) -> list[AttributeMappingFunctionSchema]:
        """List the functions that attribute mapping expressions may call. GET
        /servicePrincipals/{servicePrincipalId}/synchronization/jobs/{jobId}/schema/functions
        """
        raise NotImplementedError

    async def list_filter_operators(
        self, service_principal_id: str, job_id: str
    ) -> list[FilterOperatorSchema]:
        """List the operators that scoping filters may use. GET
        /servicePrincipals/{servicePrincipalId}/synchronization/jobs/{jobId}/schema/filterOperators
        """
        raise NotImplementedError

    async def parse_expression(
        self,
        service_principal_id: str,
        job_id: str,
        expression: str | None,
        test_input_object: ExpressionInputObject | None,
        target_attribute_definition: AttributeDefinition | None,
    ) -> ParseExpressionResponse | None:
        """Turn an expression string into an attributeMappingSource and optionally evaluate
        it against test data. POST
        /servicePrincipals/{servicePrincipalId}/synchronization/jobs/{jobId}/schema/parseExpression
        """
        raise NotImplementedError


class SynchronizationSchemaInMemory(SynchronizationSchemaHandlers):
    """The generated default: every operation works on state kept in memory."""

    def __init__(self, memory: InMemory) -> None:
        self._memory = memory

    async def get_synchronization_schema(
        self, service_principal_id: str, job_id: str
    ) -> SynchronizationSchema:
        result: Any = await self._memory.call(
            "synchronizationSchema.getSynchronizationSchema",
            {"service_principal_id": service_principal_id, "job_id": job_id},
            None,
        )
        return SynchronizationSchema.from_dict(result)

    async def update_synchronization_schema(
        self, service_principal_id: str, job_id: str, body: SynchronizationSchema
    ) -> SynchronizationSchema:
        result: Any = await self._memory.call(
            "synchronizationSchema.updateSynchronizationSchema",
            {"service_principal_id": service_principal_id, "job_id": job_id},
            body,
        )
        return SynchronizationSchema.from_dict(result)

    async def delete_synchronization_schema(
        self, service_principal_id: str, job_id: str
    ) -> None:
        await self._memory.call(
            "synchronizationSchema.deleteSynchronizationSchema",
            {"service_principal_id": service_principal_id, "job_id": job_id},
            None,
        )

    async def list_functions(
        self, service_principal_id: str, job_id: str
    ) -> list[AttributeMappingFunctionSchema]:
        result: Any = await self._memory.call(
            "synchronizationSchema.listFunctions",
            {"service_principal_id": service_principal_id, "job_id": job_id},
            None,
        )
        return [AttributeMappingFunctionSchema.from_dict(item) for item in result]

    async def list_filter_operators(
        self, service_principal_id: str, job_id: str
    ) -> list[FilterOperatorSchema]:
        result: Any = await self._memory.call(
            "synchronizationSchema.listFilterOperators",
            {"service_principal_id": service_principal_id, "job_id": job_id},
            None,
        )
        return [FilterOperatorSchema.from_dict(item) for item in result]

    async def parse_expression(
        self,
        service_principal_id: str,
        job_id: str,
        expression: str | None,
        test_input_object: ExpressionInputObject | None,
        target_attribute_definition: AttributeDefinition | None,
    ) -> ParseExpressionResponse | None:
        result: Any = await self._memory.call(
            "synchronizationSchema.parseExpression",
            {"service_principal_id": service_principal_id, "job_id": job_id},
            {
                "expression": expression,
                "testInputObject": test_input_object,
                "targetAttributeDefinition": target_attribute_definition,
            },
        )
        if result is None:
            return None
        return ParseExpressionResponse.from_dict(result)
